import { GraphQLError } from 'graphql';

/** Why a caller could not be identified; the message says what was wrong, never a secret. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** How many characters of a client's value an error repeats. */
export const MAX_ECHO_CHARACTERS = 64;

/**
 * A value a client sent, as an error message may repeat it: at most 64 characters and "…", so a
 * megabyte argument or a forged 10 KB claim does not come back in the answer (or go to a log).
 */
export function echoed(value: string, max = MAX_ECHO_CHARACTERS): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A client's value for an error message: a text quoted (`"…"`), anything else as JSON; shortened by `echoed`. */
export function echoedQuoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(echoed(value)) : echoed(JSON.stringify(value ?? null));
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
