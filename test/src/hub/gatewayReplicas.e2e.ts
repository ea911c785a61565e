// Two gateway replicas, each its own process as two Kubernetes pods would run them, in front of the
// same partners and one Redis (HUB_REDIS_URL): they behave as one gateway. The partners are real
// subgraphs on real databases (PGlite, or PostgreSQL when CI gives URLs); the municipality is
// reached through a proxy that counts what reaches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS, Role, importCsv } from '@hub/core';
import { jobcentreMappings } from '@hub/subgraph-jobcentre';
import { partnerProxy, type PartnerProxy } from '../gateway/partnerProxy';
import { goodRows, writeExtract } from '../import/extracts';
import { gatewayKeyFiles, linesMatching, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { callerToken } from '../support/identity';
import { freePort } from '../support/processes';

const REDIS_URL = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POPULATION = '{ lineOfAction(code: LEARNING) { population(area: "esbjerg", ageBand: AGE_15_17) { value } } }';
const PART_TIME = '{ lineOfAction(code: JOB) { partTimeJobShare(area: "osterbyen", ageBand: AGE_18_29) { value } } }';

interface Replica {
  process: GatewayProcess;
  url: string;
}

const viewer = (i: number) =>
  callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD], subject: `replica-viewer-${i}@lauritzen-foundation` });

/** Sends one query after another with its own token until `until()` says stop; what each request got. */
async function viewerLoop(url: string, token: string, until: () => boolean, stopOnFailure: boolean) {
  const answers: { ok: boolean; code?: unknown; failed?: string }[] = [];
  const queries = [POPULATION, PART_TIME, exampleQuery('job-line-of-action')];
  for (let i = 0; !until(); i += 1) {
    try {
      const answer: GraphQLResponse = await postGraphQL(url, queries[i % queries.length], undefined, token);
      answers.push({ ok: answer.status === 200 && !answer.errors, code: answer.errors?.[0]?.extensions?.code });
    } catch (error) {
      answers.push({ ok: false, failed: (error as Error).message });
      if (stopOnFailure) break;
    }
  }
  return answers;
}

describe('two gateway replicas (separate processes) sharing Redis', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-replicas-'));
  let hub: TestHub;
  let proxy: PartnerProxy;
  let replicas: Replica[];

  /** What reached the municipality while `run` ran. */
  async function reaching<T>(run: () => Promise<T>): Promise<{ result: T; fetches: number; probes: number }> {
    const before = { fetches: proxy.fetches, probes: proxy.probes };
    const result = await run();
    return { result, fetches: proxy.fetches - before.fetches, probes: proxy.probes - before.probes };
  }

  async function startReplica(partnerUrls: NodeJS.ProcessEnv, keys: NodeJS.ProcessEnv): Promise<Replica> {
    const port = await freePort();
    // HUB_GATEWAY_WORKERS=1: one serving process per replica, as a pod with one CPU runs it.
    const env = { ...keys, ...partnerUrls, GATEWAY_PORT: String(port), HUB_REDIS_URL: REDIS_URL, HUB_GATEWAY_WORKERS: '1' };
    const started = startGatewayProcess(env);
    await linesMatching(started, /gateway ready at/, 1);
    return { process: started, url: `http://127.0.0.1:${port}/graphql` };
  }

  beforeAll(async () => {
    hub = await startHub({ persons: 500 });
    proxy = await partnerProxy(hub.subgraphs.municipality.url);
    const partnerUrls = Object.fromEntries(
      PARTNERS.map((partner) => [
        `${partner.envPrefix}_URL`,
        partner.name === 'municipality' ? proxy.url : hub.subgraphs[partner.name].url,
      ]),
    );
    const keys = await gatewayKeyFiles(dir);
    replicas = await Promise.all([startReplica(partnerUrls, keys), startReplica(partnerUrls, keys)]);
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) if (replica.process.child.exitCode === null) replica.process.child.kill('SIGKILL');
    await proxy?.close();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves from one replica an aggregate the other computed and stored: the partner is only probed', async () => {
    const [a, b] = replicas;
    const first = await reaching(async () => postGraphQL(a.url, POPULATION, undefined, await viewer(1)));
    expect(first.result.errors).toBeUndefined();
    expect(first.fetches).toBe(1);
    const second = await reaching(async () => postGraphQL(b.url, POPULATION, undefined, await viewer(2)));
    expect(second.result.data).toEqual(first.result.data);
    expect({ fetches: second.fetches, probes: second.probes }).toEqual({ fetches: 0, probes: 1 });
  });

  it('shows an import on both replicas: the next answer of each is the new figure', async () => {
    const token = await viewer(3);
    const before = await Promise.all(replicas.map((replica) => postGraphQL(replica.url, PART_TIME, undefined, token)));
    expect(before[1]).toEqual(before[0]);
    const imported = await importCsv({
      mapping: jobcentreMappings[0],
      file: writeExtract(dir, 'employment.csv', goodRows(0, 300)),
      dataSource: hub.subgraphs.jobcentre.database.dataSource,
      linkageKey: 'the-alliance-linkage-key-for-the-replicas-test',
    });
    expect(imported.rowsLoaded).toBe(300);
    for (const replica of replicas) {
      const after = await postGraphQL(replica.url, PART_TIME, undefined, token);
      expect(after.errors).toBeUndefined();
      expect(after.data).not.toEqual(before[0].data);
    }
  });

  it('loses only the requests a killed replica held: the other answers every one of its viewers, no partner cut off', async () => {
    const [a, b] = replicas;
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, i) => viewer(10 + i)));
    const death: { at?: number } = {};
    let servedByB = 0;
    // B's viewers go on for 1.5 s after A died: long enough for a partner or circuit effect to show.
    const enough = () => death.at !== undefined && Date.now() - death.at > 1500;
    const onA = tokens.slice(0, 4).map((token) => viewerLoop(a.url, token, () => death.at !== undefined, true));
    const onB = tokens.slice(4).map(async (token) => {
      const answers = await viewerLoop(b.url, token, enough, false);
      servedByB += answers.length;
      return answers;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    a.process.child.kill('SIGKILL');
    death.at = Date.now();
    const [answersA, answersB] = await Promise.all([Promise.all(onA), Promise.all(onB)]);

    const failedOnA = answersA.flat().filter((answer) => !answer.ok);
    // At most the one request each of A's viewers had in flight when A died, and each a lost connection.
    expect(failedOnA.length).toBeLessThanOrEqual(4);
    for (const failure of failedOnA) expect(failure.failed).toBeDefined();
    expect(answersB.flat().filter((answer) => !answer.ok)).toEqual([]);
    expect(servedByB).toBeGreaterThan(0);
    const ready = (await (await fetch(b.url.replace(/\/graphql$/, '/readyz'))).json()) as { partners: Record<string, { state: string }> };
    for (const partner of PARTNERS) expect(ready.partners[partner.name].state).toBe('up');
  });
});
