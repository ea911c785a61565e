import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { isInterfaceType, isObjectType } from 'graphql';
import { failurePath, type IsVisible } from './errors/failurePath';
import type { NullOnFailure } from './errors/nullOnFailure';
import { unansweredEntities } from './errors/unansweredEntities';
import { endSpan, failSpan } from '@hub/core';
import { notePartnerVersion, type GatewayContext } from './GatewayContext';
import { partnerFetchSpan } from './observability/traceGateway';
import type { SubgraphAnswer } from './traffic/graphqlAnswer';
import { BUSY_RETRY_AFTER_SECONDS, PartnerErrorCode, partnerFailureMessage, partnerFailureOf } from './traffic/PartnerFailure';
import type { PartnerLink } from './traffic/PartnerLink';
import { partnerTrafficOf } from './traffic/PartnerTraffic';

/**
 * What the gateway sends a partner besides the operation: it vouches for the verified caller with
 * its own token (never the caller's: a subgraph trusts only the gateway's key) and passes the
 * request id that ties the partners' logs together.
 */
export function outgoingHeaders(context: Partial<GatewayContext>): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json;q=0.9' };
  // The gateway's own calls (none today: no health checks, no schema loading) carry no caller.
  if (!context.requestId || !context.internalToken) return headers;
  headers['x-request-id'] = context.requestId;
  headers.authorization = `Bearer ${context.internalToken}`;
  return headers;
}

/**
 * What a partner's answer may depend on besides the fetch itself: the verified caller's
 * organisation, roles and purpose (never the person: callers differing only in subject share
 * aggregates). Unknown outside a client's request, and then nothing is shared.
 */
export function rightsOf(context: Partial<GatewayContext>): string | undefined {
  const viewer = context.viewer;
  if (!viewer) return undefined;
  return JSON.stringify([viewer.partner, [...viewer.roles].sort(), viewer.purpose]);
}

function representationCount(variables: Record<string, unknown> | undefined): number | undefined {
  const representations = variables?.representations;
  return Array.isArray(representations) ? representations.length : undefined;
}

/** Whether the client's schema (the audience's API schema) has a field; unknown outside a client's request. */
function visibleToClient(options: GraphQLDataSourceProcessOptions<GatewayContext>): IsVisible | undefined {
  const schema = 'incomingRequestContext' in options ? options.incomingRequestContext?.schema : undefined;
  if (!schema) return undefined;
  return (typeName, field) => {
    const type = schema.getType(typeName);
    return (isObjectType(type) || isInterfaceType(type)) && field in type.getFields();
  };
}

/** A partner that answered no data: its request-level errors point where its data would have gone. */
function withFailurePath(answer: SubgraphAnswer, query: string, isVisible: IsVisible | undefined): SubgraphAnswer {
  if (!answer.errors?.some((error) => !error.path)) return answer;
  const path = failurePath(query, isVisible);
  return { ...answer, errors: answer.errors.map((error) => (error.path ? error : { ...error, path })) };
}

/**
 * How the gateway talks to one partner's subgraph, through that partner's PartnerLink (pool,
 * timeout, retries, circuit). When the partner gives no usable answer, the fetch answers with one
 * error naming the partner, its code and the first field it would have filled, and an entity
 * fetch with null for the fields it asked (`unansweredEntities`), so the executor keeps every
 * other partner's data, also where another partner's field needs this one's (`@requires`).
 */
export class HubDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly link: PartnerLink,
    /** The fields a failed entity fetch answers null for (`nullOnFailure`); without it, none. */
    private readonly nullOnFailure?: NullOnFailure,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const { query = '', variables, operationName } = options.request;
    const isVisible = visibleToClient(options);
    const headers = outgoingHeaders(options.context);
    const traced = partnerFetchSpan(options.context, this.link.name, headers);
    const traffic = partnerTrafficOf(options.context, this.link.name, this.link.settings.requestBytes);
    try {
      // Past the bound no further body is even built: a cohort's is megabytes.
      if (!traffic.open) throw traffic.failure();
      const body = JSON.stringify({ query, variables, operationName });
      traffic.take(body.length);
      const answer = await this.link.send({
        body,
        headers,
        traced,
        // The query planner prints every fetch with its keyword first.
        idempotent: !query.startsWith('mutation'),
        representations: representationCount(variables),
        rights: rightsOf(options.context),
        noteVersion: (version) => notePartnerVersion(options.context, this.link.name, version),
        traffic,
      });
      return answer.data == null ? this.unanswered(withFailurePath(answer, query, isVisible), query, variables) : answer;
    } catch (error) {
      const failure = partnerFailureOf(error);
      failSpan(traced, failure.code);
      const partner = this.link.name;
      notePartnerVersion(options.context, partner, undefined);
      (options.context as Partial<GatewayContext>).record?.partnerFailures.push({ partner, code: failure.code, detail: failure.detail });
      const message = partnerFailureMessage(partner, failure.code, this.link.settings);
      const extensions = { code: failure.code, partner, ...this.extensionsOf(failure.code) };
      return this.unanswered({ errors: [{ message, path: failurePath(query, isVisible), extensions }] }, query, variables);
    } finally {
      endSpan(traced);
    }
  }

  /** What a client can act on: when to try a busy partner again, how much one request may move. */
  private extensionsOf(code: PartnerErrorCode): Record<string, number> {
    if (code === PartnerErrorCode.BUSY) return { retryAfter: BUSY_RETRY_AFTER_SECONDS };
    if (code === PartnerErrorCode.TRAFFIC_LIMIT) return { maxBytes: this.link.settings.requestBytes };
    return {};
  }

  /** A fetch the partner gave no data for: its errors, and for an entity fetch the nulls it stands for. */
  private unanswered(answer: SubgraphAnswer, query: string, variables: Record<string, unknown> | undefined): SubgraphAnswer {
    const data = this.nullOnFailure && unansweredEntities(query, variables?.representations, this.nullOnFailure);
    return data ? { ...answer, data } : answer;
  }
}
