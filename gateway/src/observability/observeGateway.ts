import type { ApolloServerPlugin } from '@apollo/server';
import { endSpan, errorDetail, failSpan, isUnexpectedError, requestIdOf, startRequestSpan, traceIdOf, type ServiceTracing, type TracedSpan } from '@hub/core';
import type express from 'express';
import type pino from 'pino';
import { isDeliberatePartnerError } from '../errors/formatGatewayError';
import type { GatewayContext, RequestRecord } from '../GatewayContext';
import type { GatewayMetrics } from './gatewayMetrics';

/** HTTP status logged when the client went away before the answer was sent (nginx's). */
const CLIENT_CLOSED = 499;

export interface Observation {
  logger: pino.Logger;
  metrics: GatewayMetrics;
  /** The gateway's traces, when exported (`startTracing`). */
  tracing?: ServiceTracing;
}

/**
 * First on /graphql: gives the request its id (sent back as `x-request-id`, passed to every
 * partner) and, once the answer is sent, writes its one log line and its metrics. The line's
 * fields are chosen one by one: never variables, the query text, headers or tokens.
 */
export function observeRequests(observation: Observation): express.RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const record: RequestRecord = { requestId: requestIdOf(req), operation: null, ran: false, errorCodes: [], partnerFailures: [] };
    const request = startRequestSpan(observation.tracing, `${req.method} /graphql`, req.headers);
    if (request) record.trace = { request };
    res.locals.record = record;
    res.locals.requestId = record.requestId;
    res.setHeader('x-request-id', record.requestId);
    res.once('close', () => report(record, res, performance.now() - started, observation));
    next();
  };
}

function report(record: RequestRecord, res: express.Response, elapsedMs: number, { logger, metrics }: Observation) {
  const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED;
  const operation = metrics.operationLabel(record.operation, record.ran);
  metrics.requests.inc({ operation, status: String(status) });
  for (const code of record.errorCodes) metrics.errors.inc({ operation, code });
  metrics.duration.observe({ operation }, elapsedMs / 1000);
  const viewer = (res.locals.context as GatewayContext | undefined)?.viewer;
  const line = {
    requestId: record.requestId,
    operation: record.operation,
    organisation: viewer?.partner ?? null,
    roles: viewer?.roles ?? [],
    status,
    durationMs: Math.round(elapsedMs * 10) / 10,
    errorCodes: record.errorCodes,
    partnerFailures: record.partnerFailures,
    ...(record.trace && { traceId: traceIdOf(record.trace.request) }),
  };
  if (record.trace) endRequestSpan(record.trace.request, record.operation, status);
  if (status >= 500) logger.error(line, 'request');
  else if (record.partnerFailures.length) logger.warn(line, 'request');
  else logger.info(line, 'request');
}

/** The span gets what the log line gets that carries nothing personal: status and operation name. */
function endRequestSpan(request: TracedSpan, operation: string | null, status: number): void {
  request.span.setAttribute('http.response.status_code', status);
  if (operation) request.span.setAttribute('graphql.operation.name', operation);
  if (status >= 500) failSpan(request, String(status));
  endSpan(request);
}

/**
 * What GraphQL saw of a request: its operation name and its errors' codes, for the log line; the
 * request id added to every error of the answer; and the detail of errors the client only sees
 * masked (the gateway's own bugs; partners' internal errors), logged under that id.
 */
export function observationPlugin(logger: pino.Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const { record } = contextValue;
      record.ran = true;
      record.operation = request.operationName ?? null;
      return {
        async didResolveOperation({ operationName }) {
          record.operation = operationName;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const partner = error.extensions.serviceName;
            if (typeof partner === 'string') {
              if (isDeliberatePartnerError(error.extensions.code)) continue;
              const message = error.message.slice(0, 300);
              logger.warn({ requestId: record.requestId, partner, code: error.extensions.code, message, path: error.path }, 'partner error masked');
            } else if (isUnexpectedError(error, error.extensions.code)) {
              logger.error({ requestId: record.requestId, path: error.path, err: errorDetail(error.originalError ?? error) }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          record.errorCodes = errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
          for (const error of errors) {
            // The formatted errors are this answer's own objects: adding to them is safe.
            Object.assign(error, { extensions: { ...error.extensions, requestId: record.requestId } });
          }
        },
      };
    },
  };
}
