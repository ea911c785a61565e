import { GraphQLError } from 'graphql';

/** The code of each limit a query can exceed (`extensions.code`), in the style of Apollo Router's. */
export const LimitCode = {
  DEPTH: 'MAX_DEPTH_LIMIT',
  COST: 'MAX_COST_LIMIT',
  ALIASES: 'MAX_ALIASES_LIMIT',
  DIRECTIVES: 'MAX_DIRECTIVES_LIMIT',
  TOKENS: 'MAX_TOKENS_LIMIT',
  PARTNER_FETCHES: 'MAX_PARTNER_FETCHES_LIMIT',
  BODY: 'PAYLOAD_TOO_LARGE',
} as const;

export type LimitCode = (typeof LimitCode)[keyof typeof LimitCode];

/** A request refused for its size or shape before anything ran; `extensions.max` is the limit. */
export class LimitExceededError extends GraphQLError {
  constructor(
    readonly code: LimitCode,
    message: string,
    max: number | string,
  ) {
    super(message, { extensions: { code, max, http: { status: 400 } } });
  }
}

/** graphql-js's own refusal when the parser passes `maxTokens` (its wording, typo included). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th[ae]t? (\d+) tokens/;

/**
 * The limit an error reports, if any. Apollo wraps a limit's validation error as
 * GRAPHQL_VALIDATION_FAILED and the parser's token limit as GRAPHQL_PARSE_FAILED; the original
 * says which limit it was.
 */
export function exceededLimitOf(error: unknown): { code: LimitCode; message: string; max: number | string } | undefined {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  if (original instanceof LimitExceededError) {
    return { code: original.code, message: original.message, max: original.extensions.max as number | string };
  }
  const tokens = original instanceof Error ? TOKEN_LIMIT.exec(original.message) : null;
  if (!tokens) return undefined;
  const max = Number(tokens[1]);
  return { code: LimitCode.TOKENS, message: `Token limit of ${max} exceeded: the query is too long.`, max };
}
