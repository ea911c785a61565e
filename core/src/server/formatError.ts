import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * A bug or an outage, as opposed to an error the hub raised on purpose (one with a code other
 * than INTERNAL_SERVER_ERROR). `error` is the one Apollo hands to plugins and to `formatError`.
 */
export function isUnexpectedError(error: unknown, code: unknown): boolean {
  return !(unwrapResolverError(error) instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR'));
}

/**
 * Errors the hub raised on purpose go out as they are. Anything else leaves only as a generic
 * message, never with SQL, paths or stack traces; its detail is in the server's log (a subgraph's
 * `observationPlugin` writes it, with the request id the client gets in `extensions.requestId`).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!isUnexpectedError(error, formatted.extensions?.code)) return formatted;
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
