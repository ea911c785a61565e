import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { KeyLike } from 'jose';
import type pino from 'pino';
import { unauthenticatedBody, UnauthenticatedError } from '../auth/errors';
import { internalTokenVerifier } from '../auth/internalToken';
import { importPublicKey } from '../auth/keys';
import type { Viewer } from '../auth/Viewer';
import { AuditTables1767225600050 } from '../audit/AuditTables1767225600050';
import { DataVersion1767225600100 } from '../db/DataVersion1767225600100';
import { DataVersionOrigin1767225600120 } from '../db/DataVersionOrigin1767225600120';
import { attachDataVersionTriggers } from '../db/dataVersion';
import { retryOnReset } from '../db/retryOnReset';
import { auditPlugin } from '../audit/auditPlugin';
import { AuditTrail } from '../audit/AuditTrail';
import { DATA_VERSION_PATH, dataVersionEndpoint, releaseOf, shareablePlugin } from '../sharing/shareableAnswers';
import { AreaReference } from '../db/AreaReference';
import { openDatabase, dropAllTables, type Database } from '../db/openDatabase';
import { SharedTables1767225600000 } from '../db/SharedTables1767225600000';
import { buildFederatedSchema } from '../graphql/buildFederatedSchema';
import { createLogger } from '../observability/createLogger';
import { createMetricsRegistry, metricsEndpoint } from '../observability/createMetricsRegistry';
import { observationPlugin } from '../observability/observationPlugin';
import { inObservedScope, observeRequests, type ObservedRequest } from '../observability/observeRequests';
import { readinessEndpoint } from '../observability/readiness';
import { createSubgraphMetrics } from '../observability/subgraphMetrics';
import { startTracing } from '../observability/tracing';
import { refuseNulBytesPlugin } from '../graphql/nulBytes';
import { formatError } from './formatError';
import { negotiateMediaType, requestErrorAsGraphQL } from './graphqlHttp';
import type { RequestContext } from './context';
import { seedDatabase } from './seedDatabase';
import { schemaOptionsOf, type SubgraphDefinition } from './SubgraphDefinition';
import { recordKeyParams } from '../disclosure/recordKey';

export interface SubgraphOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** PostgreSQL URL; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's folder; without it (and without a URL) the database lives in memory. */
  dataDir?: string;
  /** Seed an empty database with this many synthetic persons. */
  seedPersons?: number;
  /** Drop every table first (then migrate and seed again). */
  reset?: boolean;
  /** Largest request body accepted from the gateway. */
  bodyLimit?: string;
  /** The gateway's public key (PEM): the subgraph answers only calls the gateway vouched for. */
  gatewayPublicKeyPem: string;
  /** Where the request log goes; by default JSON lines on stdout (`createLogger`). */
  logger?: pino.Logger;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  database: Database;
  stop(): Promise<void>;
}

/** Opens (and if asked, resets and seeds) the partner's database, migrated to the latest. */
export async function prepareDatabase<L>(
  definition: SubgraphDefinition<L>,
  options: Pick<SubgraphOptions, 'databaseUrl' | 'dataDir' | 'seedPersons' | 'reset'>,
): Promise<Database> {
  const database = await openDatabase({
    label: definition.name,
    url: options.databaseUrl,
    dataDir: options.dataDir,
    entities: [AreaReference, ...definition.entities],
    migrations: [SharedTables1767225600000, AuditTables1767225600050, DataVersion1767225600100, DataVersionOrigin1767225600120, ...definition.migrations],
  });
  try {
    if (options.reset) await dropAllTables(database.dataSource);
    await database.dataSource.runMigrations({ transaction: 'all' });
    await attachDataVersionTriggers(database.dataSource);
    if (options.seedPersons) {
      await seedDatabase(definition, database.dataSource, options.seedPersons);
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Refuses, before any resolver runs, every call that does not carry the gateway's token. */
function onlyFromGateway(gatewayKey: KeyLike): express.RequestHandler {
  const verify = internalTokenVerifier(gatewayKey);
  return (req, res, next) => {
    verify(req.header('authorization')).then(
      (viewer) => {
        res.locals.viewer = viewer;
        next();
      },
      (error: unknown) => {
        const refusal = error instanceof UnauthenticatedError ? error : new UnauthenticatedError('Not authenticated.');
        res.status(401).json(unauthenticatedBody(refusal));
      },
    );
  };
}

/** Starts one partner's subgraph: its database, its schema, its own HTTP server. */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: SubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  // Its counts are perturbed with the alliance's record keys: no valid secret, no start.
  recordKeyParams();
  const prepare = () => prepareDatabase(definition, options);
  const database = options.databaseUrl
    ? await prepare()
    : await retryOnReset(prepare, (error) =>
        logger.warn({ err: error }, 'the embedded database dropped its connection while starting; starting it again'),
      );
  const db = database.dataSource;
  const schema = await buildFederatedSchema<RequestContext<L>>(schemaOptionsOf(definition));
  const release = releaseOf(schema);
  const registry = createMetricsRegistry(definition.name);
  const tracing = startTracing(`hub-${definition.name}`);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext<L>>({
    schema,
    logger,
    includeStacktraceInErrorResponses: false,
    formatError,
    // runSubgraph handles the signals: Apollo's own handler would stop the server and then kill
    // the process before the embedded database is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      observationPlugin(logger),
      refuseNulBytesPlugin(),
      auditPlugin(),
      shareablePlugin(db, release),
    ],
  });
  await apollo.start();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', partner: definition.name });
  });
  app.get('/readyz', readinessEndpoint(db, logger));
  app.get('/metrics', metricsEndpoint(registry));
  const gatewayKey = await importPublicKey(options.gatewayPublicKeyPem);
  const fromGateway = onlyFromGateway(gatewayKey);
  app.get(DATA_VERSION_PATH, fromGateway, dataVersionEndpoint(db, release, logger));
  app.use(
    '/graphql',
    observeRequests({ logger, metrics: createSubgraphMetrics(registry), tracing }),
    negotiateMediaType,
    express.json({ limit: options.bodyLimit ?? '10mb' }),
    inObservedScope,
    fromGateway,
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: (res.locals.observed as ObservedRequest).requestId,
        viewer: res.locals.viewer as Viewer,
        audit: new AuditTrail(),
        loaders: definition.createLoaders(db),
        db,
      }),
    }),
    requestErrorAsGraphQL,
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: definition.name,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    database,
    async stop() {
      await apollo.stop();
      await database.close();
      await tracing?.shutdown();
    },
  };
}
