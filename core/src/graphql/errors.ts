import { GraphQLError } from 'graphql';

/** Error codes the hub adds to Apollo's own (GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, ...). */
export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A change based on a version of a registry row that is no longer the current one. */
  CONFLICT: 'CONFLICT',
} as const;

/** An argument names something that does not exist, e.g. an unknown area code. */
export function notFound(message: string, argument: string, value: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.NOT_FOUND, argument, value },
  });
}

export function badUserInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
}
