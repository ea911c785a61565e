import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type pino from 'pino';
import { clientOperationName } from '../audit/auditPlugin';
import { isUnexpectedError } from '../server/formatError';
import { observedRequest } from './observeRequests';

/**
 * What GraphQL saw of a request observed by `observeRequests`: the caller's operation name and
 * the response (for its error codes). Unexpected errors are logged here in full (stack, SQL
 * text), with the request id that every error of the response carries in `extensions.requestId`:
 * the client gets the masked message, an operator finds the detail by that id.
 */
export function observationPlugin(logger: pino.Logger): ApolloServerPlugin {
  return {
    async requestDidStart(requestContext) {
      const request = observedRequest();
      if (!request) return;
      request.operation = clientOperationName(requestContext.request.operationName);
      return {
        async didResolveOperation({ operationName }) {
          request.operation = clientOperationName(operationName);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!isUnexpectedError(error, error.extensions.code)) continue;
            logger.error({ requestId: request.requestId, path: error.path, err: unwrapResolverError(error) }, 'unexpected error');
          }
        },
        async willSendResponse({ response }) {
          request.response = response;
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            // The formatted errors are fresh objects of this response: adding to them is safe.
            Object.assign(error, { extensions: { ...error.extensions, requestId: request.requestId } });
          }
        },
      };
    },
  };
}
