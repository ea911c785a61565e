import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import path from 'node:path';
import { startSubgraph, type PartnerName, type RunningSubgraph, type SubgraphDefinition, type SubgraphOptions } from '@hub/core';
import { startGateway, type AdmissionSettings, type AnswerCacheSettings, type TrafficSettings } from '@hub/gateway';
import { DASHBOARD_SUPERGRAPH_PATH, EXAMPLES_DIR, SUBGRAPHS, SUPERGRAPH_PATH } from '@hub/schema';
import { createTestDatabases } from './databases';
import { registerDefaultToken } from './graphql';
import { analystToken, gatewayToken, ownStaff, testIdentity, trustedIssuers } from './identity';

export interface TestHub {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:PORT/graphql. */
  gatewayUrl: string;
  subgraphs: Record<PartnerName, RunningSubgraph>;
  stop(): Promise<void>;
}

export const exampleQuery = (name: string) =>
  readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');

/** Raises a partner's data version as a write would, so that its next measures are computed anew. */
export async function newDataVersion(db: DataSource): Promise<void> {
  await db.query('UPDATE hub_data_version SET version = version + 1');
}

/**
 * The whole hub in this process, on real HTTP and real databases: five subgraphs on free
 * ports, each seeded on its own database (PGlite, or fresh PostgreSQL databases when
 * `<PREFIX>_DATABASE_URL`s are set), and the gateway in front, serving the checked-in supergraph.
 */
export interface HubOptions {
  persons: number;
  admission?: AdmissionSettings;
  answerCache?: AnswerCacheSettings;
  /** For every partner, over the environment's settings (a test that counts work, not time, lifts the timeout). */
  traffic?: Partial<TrafficSettings>;
}

export async function startHub(options: HubOptions): Promise<TestHub> {
  const databases = await createTestDatabases();
  const identity = await testIdentity();
  const running = await Promise.all(
    SUBGRAPHS.map((definition) =>
      startSubgraph(definition, {
        port: 0,
        databaseUrl: databases.urls[definition.name],
        seedPersons: options.persons,
        gatewayPublicKeyPem: identity.gateway.publicKeyPem,
      }),
    ),
  );
  const subgraphs = Object.fromEntries(running.map((s) => [s.name, s])) as TestHub['subgraphs'];
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    dashboardSupergraphSdl: readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
    port: 0,
    exampleQuery: exampleQuery('job-line-of-action'),
    trustedIssuers: await trustedIssuers(),
    gatewayPrivateKeyPem: identity.gateway.privateKeyPem,
    admission: options.admission,
    answerCache: options.answerCache,
    traffic: options.traffic,
  });
  registerDefaultToken(gateway.url, await analystToken());
  return {
    gatewayUrl: gateway.url,
    subgraphs,
    async stop() {
      await gateway.stop();
      await Promise.all(running.map((subgraph) => subgraph.stop()));
      await databases.drop();
    },
  };
}

/**
 * One subgraph alone on its own seeded database (PGlite, or PostgreSQL when CI gives a URL).
 * Calls to it carry, by default, the gateway's token for the subgraph's own staff. `options.logger`
 * captures its log lines.
 */
export async function startTestSubgraph<L>(
  definition: SubgraphDefinition<L>,
  persons = 1000,
  options: Pick<SubgraphOptions, 'logger'> = {},
): Promise<RunningSubgraph> {
  const databases = await createTestDatabases([definition.name]);
  const running = await startSubgraph(definition, {
    port: 0,
    databaseUrl: databases.urls[definition.name],
    seedPersons: persons,
    gatewayPublicKeyPem: (await testIdentity()).gateway.publicKeyPem,
    ...options,
  });
  registerDefaultToken(running.url, await gatewayToken(ownStaff(definition.name)));
  return {
    ...running,
    async stop() {
      await running.stop();
      await databases.drop();
    },
  };
}
