import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { formatError } from '@hub/core';
import compression from 'compression';
import express from 'express';
import type { GatewayContext } from './GatewayContext';
import { HubDataSource } from './HubDataSource';
import { sandboxRouter } from './sandbox';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL by subgraph name; overrides the URL recorded in the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The query the sandbox opens with. */
  exampleQuery?: string;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** Starts the hub's one endpoint: the Apollo gateway over the partners' subgraphs. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new HubDataSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.disable('x-powered-by');
  // The sandbox's editor is ~6 MB of script: gzip brings a first load on a slow network to ~2 MB.
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(sandboxRouter({ endpoint: GRAPHQL_PATH, exampleQuery: options.exampleQuery ?? '' }));
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        requestId: req.header('x-request-id') ?? randomUUID(),
        authorization: req.header('authorization') ?? null,
      }),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(options.port, host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${GRAPHQL_PATH}`,
    stop: () => apollo.stop(),
  };
}
