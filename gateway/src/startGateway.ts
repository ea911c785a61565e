import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import {
  Role,
  createLogger,
  createMetricsRegistry,
  negotiateMediaType,
  requestErrorAsGraphQL,
  startTracing,
  type TrustedIssuer,
} from '@hub/core';
import compression from 'compression';
import express from 'express';
import type pino from 'pino';
import { Admission, admissionSettingsFromEnv, type AdmissionSettings } from './admission/Admission';
import { memberMovingFields } from './admission/memberMovingFields';
import { audienceServer } from './audienceServer';
import { authenticate } from './authenticate';
import type { GatewayContext } from './GatewayContext';
import { dashboardRouter } from './dashboard';
import { healthRouter } from './health';
import { bodyTooLarge, DEFAULT_BODY_LIMIT } from './limits/bodyLimit';
import { answerClientErrorsAsGraphQL } from './limits/clientErrors';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/queryLimits';
import { createGatewayMetrics } from './observability/gatewayMetrics';
import { observeRequests } from './observability/observeGateway';
import { MANIFEST_PATH, readManifest } from './safelist/manifest';
import { persistedQueryHashMatches } from './safelist/persistedQueryHash';
import { Safelist, documentIdAsPersistedQuery, safelistModeFromEnv, type SafelistMode } from './safelist/Safelist';
import { sandboxRouter } from './sandbox';
import { answerCacheSettingsFromEnv, type AnswerCacheSettings } from './traffic/answers/answerCacheSettings';
import { answerStoreOf } from './traffic/answers/answerStoreOf';
import { PartnerLinks } from './traffic/PartnerLinks';
import { trafficSettingsFromEnv, type TrafficSettings } from './traffic/trafficSettings';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** The dashboard audience's contract (schema/supergraph.dashboard.graphql). */
  dashboardSupergraphSdl: string;
  /** Subgraph URL by subgraph name; overrides the URL recorded in the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The query the sandbox opens with. */
  exampleQuery?: string;
  /** Identity providers whose callers' tokens are accepted, each for one organisation. */
  trustedIssuers: readonly TrustedIssuer[];
  /** The gateway's own private key (PEM), to vouch for callers to the subgraphs. */
  gatewayPrivateKeyPem: string;
  /** Overrides, for every partner, the settings from the environment (`trafficSettingsFromEnv`). */
  traffic?: Partial<TrafficSettings>;
  /** Overrides the default query limits. */
  limits?: Partial<QueryLimits>;
  /** Overrides the admission of member-moving operations from the environment (`admissionSettingsFromEnv`). */
  admission?: Partial<AdmissionSettings>;
  /** Largest request body, in `express.json`'s notation; 1mb by default. */
  bodyLimit?: string;
  /** Registered operations and whether only they may run; by default the checked-in list and HUB_SAFELIST. */
  safelist?: { mode?: SafelistMode; manifestPath?: string };
  /** Where the request log goes; JSON lines on stdout by default. */
  logger?: pino.Logger;
  /** Where partners' shareable answers are kept; by default from the environment (`answerCacheSettingsFromEnv`). */
  answerCache?: AnswerCacheSettings;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** Dashboards see the contract: a graph in which person-level types do not exist at all. */
const seesContractOnly = (context: GatewayContext) =>
  context.viewer.roles.every((role) => role === Role.DASHBOARD);

function partnerLinks(options: GatewayOptions, observer: ReturnType<typeof createGatewayMetrics>, logger: pino.Logger): PartnerLinks {
  const settings = Object.fromEntries(
    Object.entries(trafficSettingsFromEnv()).map(([name, fromEnv]) => [name, { ...fromEnv, ...options.traffic }]),
  );
  const answers = answerStoreOf(options.answerCache ?? answerCacheSettingsFromEnv(), logger);
  return new PartnerLinks({ urls: options.subgraphUrls, settings, observer, answers });
}

/** Starts the hub's one endpoint: the Apollo gateway over the partners' subgraphs. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const registry = createMetricsRegistry('gateway');
  const metrics = createGatewayMetrics(registry);
  const links = partnerLinks(options, metrics, logger);
  const tracing = startTracing('hub-gateway');
  const safelist = new Safelist(
    readManifest(options.safelist?.manifestPath ?? MANIFEST_PATH),
    options.safelist?.mode ?? safelistModeFromEnv(),
  );
  const admission = new Admission(memberMovingFields(options.supergraphSdl), { ...admissionSettingsFromEnv(), ...options.admission });
  admission.observe(registry);
  const app = express();
  const httpServer = http.createServer(app);
  answerClientErrorsAsGraphQL(httpServer);
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const shared = { links, safelist, admission, logger, httpServer, limits, keptOperation: metrics.keptOperation, traced: Boolean(tracing) };
  const full = await audienceServer(options.supergraphSdl, shared);
  const contract = await audienceServer(options.dashboardSupergraphSdl, shared);
  const context = async ({ res }: { res: express.Response }) => res.locals.context as GatewayContext;
  const serveFull = expressMiddleware(full, { context });
  const serveContract = expressMiddleware(contract, { context });
  const serveAudience: express.RequestHandler = (req, res, next) =>
    (seesContractOnly(res.locals.context) ? serveContract : serveFull)(req, res, next);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.disable('x-powered-by');
  // The sandbox's editor is ~6 MB of script: gzip brings a first load on a slow network to ~2 MB.
  // GraphQL answers are small aggregates: gzipping each one cost more CPU than it saved on the
  // benchmark's profile; a reverse proxy in front can still compress them.
  app.use(compression({ filter: (req, res) => !req.path.startsWith(GRAPHQL_PATH) && compression.filter(req, res) }));
  app.use(healthRouter(links, registry));
  app.use(sandboxRouter({ endpoint: GRAPHQL_PATH, exampleQuery: options.exampleQuery ?? '' }));
  app.use(dashboardRouter({ endpoint: GRAPHQL_PATH }));
  app.use(
    GRAPHQL_PATH,
    observeRequests({ logger, metrics, tracing }),
    negotiateMediaType,
    express.json({ limit: bodyLimit }),
    bodyTooLarge(bodyLimit),
    documentIdAsPersistedQuery,
    await authenticate(options.trustedIssuers, options.gatewayPrivateKeyPem),
    persistedQueryHashMatches,
    serveAudience,
    requestErrorAsGraphQL,
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ safelist: safelist.mode, partners: links.all.map((link) => link.name) }, 'gateway listening');
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${GRAPHQL_PATH}`,
    async stop() {
      await contract.stop();
      await full.stop();
      await links.close();
      await tracing?.shutdown();
    },
  };
}
