import type { ApolloServerPlugin } from '@apollo/server';
import { observedRequest } from '../observability/observeRequests';

/**
 * The response header by which a subgraph tells the gateway that its answer may be given to
 * other callers with the same rights who asked the very same fetch at the same time: the
 * answer holds aggregates only, nothing was read about a person and nothing was written to an
 * audit trail, so a second caller given it loses neither privacy nor a record of its look.
 */
export const SHAREABLE_HEADER = 'x-hub-shareable';

/**
 * Marks the request being served as person-level (a person's data read, or a cohort's crossing
 * recorded): its answer is for its caller alone, and the caller's look is in the partner's log.
 */
export function notePersonalRead(): void {
  const request = observedRequest();
  if (request) request.personal = true;
}

/**
 * Sets SHAREABLE_HEADER on the answer to a query that read nothing person-level (every note in
 * an audit trail calls `notePersonalRead`). Anything unsure (no observed request, a mutation)
 * leaves it off: an answer without the header is never shared.
 */
export function shareablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          const shareable = observedRequest()?.personal === false && operation?.operation === 'query';
          if (shareable) response.http.headers.set(SHAREABLE_HEADER, 'true');
        },
      };
    },
  };
}
