import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLResponse } from '@apollo/server';
import type express from 'express';
import type pino from 'pino';
import type { Viewer } from '../auth/Viewer';
import { runInRequestScope, type RequestScope } from '../db/SqlStatementCounter';
import { requestIdOf } from './requestId';
import type { SubgraphMetrics } from './subgraphMetrics';
import { endSpan, failSpan, runInSpan, startRequestSpan, traceIdOf, type ServiceTracing, type TracedSpan } from './tracing';

/** What one request leaves for its log line and its metrics, filled in while it runs. */
export interface ObservedRequest extends RequestScope {
  requestId: string;
  /** The caller's operation name, once GraphQL resolved it. */
  operation: string | null;
  /** Apollo's response (its body may still be replaced by a later plugin), once GraphQL ran. */
  response: GraphQLResponse | null;
  /** Whether it read person-level data or recorded a cohort's crossing (`notePersonalRead`). */
  personal: boolean;
  /** The data's version, read once before a query runs (`shareablePlugin`), for its measures. */
  dataVersion?: Promise<string>;
  /** The request's span, child of the gateway's fetch; absent when traces are off. */
  traced?: TracedSpan;
}

export interface ObservationOptions {
  logger: pino.Logger;
  metrics: SubgraphMetrics;
  /** The subgraph's traces, when exported (`startTracing`). */
  tracing?: ServiceTracing;
}

/** HTTP status logged when the client went away before the response was sent (nginx's). */
const CLIENT_CLOSED = 499;

const observed = new AsyncLocalStorage<ObservedRequest>();

/** The request being served, for the Apollo plugin that fills in what GraphQL saw. */
export function observedRequest(): ObservedRequest | undefined {
  return observed.getStore();
}

export function errorCodesOf(response: GraphQLResponse | null): string[] {
  if (response?.body.kind !== 'single') return [];
  return (response.body.singleResult.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
}

/**
 * First on /graphql: gives the request its id (also sent back as `x-request-id`) and, once the
 * response is sent, writes its one log line and its metrics. The line's fields are chosen here,
 * one by one: never variables, representations, the query text or headers, so pseudonyms and
 * tokens cannot reach a log.
 */
export function observeRequests(options: ObservationOptions): express.RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const request: ObservedRequest = { requestId: requestIdOf(req), operation: null, response: null, personal: false, sqlStatements: 0 };
    request.traced = startRequestSpan(options.tracing, `${req.method} /graphql`, req.headers);
    res.locals.observed = request;
    res.setHeader('x-request-id', request.requestId);
    res.once('close', () => report(request, res, performance.now() - started, options));
    next();
  };
}

/**
 * After the body is read (body-parser's callbacks run outside any request's async context):
 * the rest of the request runs in its scope, so its SQL statements and GraphQL details land on it.
 */
export const inObservedScope: express.RequestHandler = (_req, res, next) => {
  const request = res.locals.observed as ObservedRequest;
  runInRequestScope(() => observed.run(request, () => runInSpan(request.traced, next)), request);
};

function report(request: ObservedRequest, res: express.Response, elapsedMs: number, { logger, metrics }: ObservationOptions) {
  const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED;
  const errorCodes = errorCodesOf(request.response);
  const operation = metrics.operationLabel(request.operation, request.response !== null);
  metrics.requests.inc({ operation, status: String(status) });
  for (const code of errorCodes) metrics.errors.inc({ operation, code });
  metrics.duration.observe({ operation }, elapsedMs / 1000);
  metrics.sqlStatements.observe({ operation }, request.sqlStatements);
  const viewer = res.locals.viewer as Viewer | undefined;
  const line = {
    requestId: request.requestId,
    operation: request.operation,
    organisation: viewer?.partner ?? null,
    roles: viewer?.roles ?? [],
    status,
    durationMs: Math.round(elapsedMs * 10) / 10,
    sqlStatements: request.sqlStatements,
    errorCodes,
    ...(request.traced && { traceId: traceIdOf(request.traced) }),
  };
  endRequestSpan(request, status);
  if (status >= 500) logger.error(line, 'request');
  else logger.info(line, 'request');
}

/** The span gets what the log line gets that carries nothing personal: status and operation name. */
function endRequestSpan({ traced, operation }: ObservedRequest, status: number): void {
  if (!traced) return;
  traced.span.setAttribute('http.response.status_code', status);
  if (operation) traced.span.setAttribute('graphql.operation.name', operation);
  if (status >= 500) failSpan(traced, String(status));
  endSpan(traced);
}
