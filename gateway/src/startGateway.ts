import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Role, formatError, negotiateMediaType, requestErrorAsGraphQL, type TrustedIssuer } from '@hub/core';
import compression from 'compression';
import express from 'express';
import { authenticate } from './authenticate';
import type { GatewayContext } from './GatewayContext';
import { HubDataSource } from './HubDataSource';
import { sandboxRouter } from './sandbox';

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
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** One Apollo server over one supergraph; the hub runs one per audience. */
async function audienceServer(
  supergraphSdl: string,
  options: GatewayOptions,
  httpServer: http.Server,
): Promise<ApolloServer<GatewayContext>> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new HubDataSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  return apollo;
}

/** Dashboards see the contract: a graph in which person-level types do not exist at all. */
const seesContractOnly = (context: GatewayContext) =>
  context.viewer.roles.every((role) => role === Role.DASHBOARD);

/** Starts the hub's one endpoint: the Apollo gateway over the partners' subgraphs. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const app = express();
  const httpServer = http.createServer(app);
  const full = await audienceServer(options.supergraphSdl, options, httpServer);
  const contract = await audienceServer(options.dashboardSupergraphSdl, options, httpServer);
  const context = async ({ res }: { res: express.Response }) => res.locals.context as GatewayContext;
  const serveFull = expressMiddleware(full, { context });
  const serveContract = expressMiddleware(contract, { context });
  const serveAudience: express.RequestHandler = (req, res, next) =>
    (seesContractOnly(res.locals.context) ? serveContract : serveFull)(req, res, next);
  app.disable('x-powered-by');
  // The sandbox's editor is ~6 MB of script: gzip brings a first load on a slow network to ~2 MB.
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(sandboxRouter({ endpoint: GRAPHQL_PATH, exampleQuery: options.exampleQuery ?? '' }));
  app.use(
    GRAPHQL_PATH,
    negotiateMediaType,
    express.json({ limit: '1mb' }),
    await authenticate(options.trustedIssuers, options.gatewayPrivateKeyPem),
    serveAudience,
    requestErrorAsGraphQL,
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${GRAPHQL_PATH}`,
    async stop() {
      await contract.stop();
      await full.stop();
    },
  };
}
