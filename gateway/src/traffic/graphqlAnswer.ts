import type { GraphQLDataSource } from '@apollo/gateway';
import { PartnerFailure } from './PartnerFailure';
import type { RawAnswer } from './postJson';

/** What a data source hands the gateway's executor. */
export type SubgraphAnswer = Awaited<ReturnType<GraphQLDataSource['process']>>;

const GRAPHQL_JSON = /^application\/(graphql-response\+)?json\b/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A partner's HTTP answer as a GraphQL response, or a PartnerFailure: an HTTP error status, a
 * body that is not GraphQL JSON, or an `_entities` list of the wrong length (which the
 * executor would otherwise report as an internal error without naming the partner).
 */
export function graphqlAnswerOf(raw: RawAnswer, representations?: number): SubgraphAnswer {
  if (raw.status < 200 || raw.status > 299) throw PartnerFailure.fromStatus(raw.status);
  if (!GRAPHQL_JSON.test(raw.contentType)) throw PartnerFailure.malformed(`content type "${raw.contentType}"`);
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw PartnerFailure.malformed('the body is not JSON');
  }
  if (!isObject(body) || !('data' in body || 'errors' in body)) throw PartnerFailure.malformed('no data and no errors');
  if (body.errors !== undefined && !Array.isArray(body.errors)) throw PartnerFailure.malformed('errors is not a list');
  if (body.data !== undefined && body.data !== null && !isObject(body.data)) throw PartnerFailure.malformed('data is not an object');
  if (representations !== undefined && isObject(body.data)) {
    const entities = body.data._entities;
    if (!Array.isArray(entities) || entities.length !== representations) {
      throw PartnerFailure.malformed(`expected ${representations} entities`);
    }
  }
  return body as SubgraphAnswer;
}
