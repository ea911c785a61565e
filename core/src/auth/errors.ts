import { GraphQLError } from 'graphql';

/** Why a caller could not be identified; the message says what was wrong, never a secret. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** A verified caller lacking a right: names the field and the right that is missing. */
export function forbidden(field: string, missing: string): GraphQLError {
  return new GraphQLError(`Access to ${field} needs ${missing}.`, {
    extensions: { code: 'FORBIDDEN', field, missing },
  });
}

/** The body a refused request gets: a GraphQL error response, nothing resolved. */
export function unauthenticatedBody(error: UnauthenticatedError) {
  return { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] };
}
