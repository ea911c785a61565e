import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger } from '@hub/core';
import { startGateway, type GatewayOptions, type RunningGateway } from '@hub/gateway';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@hub/schema';
import { registerDefaultToken } from '../support/graphql';
import { analystToken, testIdentity, trustedIssuers } from '../support/identity';

/** What a stand-in received: each request's headers and parsed body. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  /** The client's port: the same port twice means a reused (keep-alive) connection. */
  remotePort: number | undefined;
  body: { query?: string; variables?: Record<string, unknown> };
}

export type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse, received: Received) => void;

/**
 * A real loopback HTTP server standing in for a partner that misbehaves (answers late, with a
 * 5xx, with a body that is not GraphQL, with its internals). Its behaviour can change while it
 * runs, e.g. from failing to passing on to the real subgraph.
 */
export interface StandIn {
  url: string;
  received: Received[];
  /** Connections a client closed before the stand-in answered (a timeout that aborted). */
  abandoned: number;
  behave(behaviour: Behaviour): void;
  close(): Promise<void>;
}

export async function standInPartner(initial: Behaviour): Promise<StandIn> {
  let behaviour = initial;
  const standIn: StandIn = {
    url: '',
    received: [],
    abandoned: 0,
    behave: (next) => (behaviour = next),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const received = { headers: request.headers, remotePort: request.socket.remotePort, body: JSON.parse(text || '{}') };
      standIn.received.push(received);
      response.on('close', () => {
        if (!response.writableFinished) standIn.abandoned += 1;
      });
      behaviour(request, response, received);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return standIn;
}

export const behaviours = {
  /** Takes the request and never answers. */
  hang: (() => undefined) as Behaviour,
  /** An HTTP status with an HTML error page that leaks a stack trace. */
  status: (code: number): Behaviour => (_request, response) => {
    response.writeHead(code, { 'content-type': 'text/html' });
    response.end('<pre>Error: connect ECONNREFUSED\n    at /srv/hub/core/dist/db/openDatabase.js:41:13</pre>');
  },
  /** 200 with a body that is not a GraphQL response. */
  malformed: ((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data": {"_entities": [');
  }) as Behaviour,
  /** A sloppy partner's GraphQL error: SQL, a file path and a stack trace in the error. */
  leaky: ((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        data: null,
        errors: [
          {
            message: 'relation "club_membership" does not exist: SELECT pseudonym FROM club_membership WHERE area = $1',
            extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at Query.run (/srv/hub/subgraphs/volunteer-centre/src/loaders.ts:12:7)'] },
          },
        ],
      }),
    );
  }) as Behaviour,
  /** Answers `body` as a GraphQL response after `ms`, as a busy but healthy partner does. */
  after: (ms: number, body: unknown): Behaviour => (_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }, ms);
  },
  /** Passes the request on to a real subgraph, as a recovered partner would answer. */
  passTo: (url: string): Behaviour => (request, response, received) => {
    const headers = { ...request.headers, host: new URL(url).host };
    const outgoing = http.request(url, { method: 'POST', headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    outgoing.end(JSON.stringify(received.body));
  },
};

/** A URL where nothing listens: calls to it are refused. */
export async function refusingUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

/** Log lines a gateway wrote, parsed. */
export function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('gateway', { destination, level: 'info' }) };
}

/**
 * Another gateway over the checked-in supergraph, in this process, with the test identity; an
 * analyst's token is its default. `subgraphUrls` decides which partner is real and which a stand-in.
 */
export async function startTestGateway(
  options: Partial<GatewayOptions> & Pick<GatewayOptions, 'subgraphUrls'>,
): Promise<RunningGateway> {
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    dashboardSupergraphSdl: readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'),
    port: 0,
    trustedIssuers: await trustedIssuers(),
    gatewayPrivateKeyPem: (await testIdentity()).gateway.privateKeyPem,
    ...options,
  });
  registerDefaultToken(gateway.url, await analystToken());
  return gateway;
}

/** The gateway's URL for a path other than /graphql (/readyz, /metrics). */
export const besides = (gatewayUrl: string, path: string) => gatewayUrl.replace(/\/graphql$/, path);

/** Waits, at most `ms`, for something a server does after it answered (a connection closing). */
export async function eventually(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`still not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
