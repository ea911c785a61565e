import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { LimitCode, LimitExceededError } from './LimitExceededError';

/** What one operation may ask for; checked before any partner is called. */
export interface QueryLimits {
  /** Nesting of fields (introspection is not counted). */
  depth: number;
  /** graphql-armor's cost: 2 per object field, 1 per scalar, times 1.5 per level of depth. */
  cost: number;
  /** Aliased fields (each alias asks a partner once more). */
  aliases: number;
  directives: number;
  /** Lexical tokens of the query text, counted by graphql-js's parser as it parses. */
  tokens: number;
  /** Fetches the query's plan makes to any one partner (`partnerFetchLimit`). */
  partnerFetches: number;
}

/**
 * The flagship query (schema/examples/job-line-of-action.graphql) is depth 6, cost 611, 2 aliases,
 * 154 tokens, at most 2 fetches to one partner; no example or dashboard operation makes more than 6;
 * fifteen cohorts with every measure (as many as the alias limit allows) make 30.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 10, cost: 5000, aliases: 15, directives: 50, tokens: 2000, partnerFetches: 32 };

/** graphql-armor's message, without its misleading "Syntax Error: " prefix. */
const reason = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '');

/** Reports a refusal as a validation error with the limit's own code (status 400). */
const reportTo = (code: LimitCode, max: number) => (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new LimitExceededError(code, reason(error), max));

/**
 * graphql-armor's depth, cost, alias and directive limits and graphql-js's token limit, as Apollo
 * Server options. Field suggestions stay on: the schema is public to every verified caller, and
 * they help dashboards.
 */
export function queryLimitOptions(limits: QueryLimits) {
  const { plugins, validationRules } = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.depth, propagateOnRejection: false, onReject: [reportTo(LimitCode.DEPTH, limits.depth)] },
    costLimit: { maxCost: limits.cost, propagateOnRejection: false, onReject: [reportTo(LimitCode.COST, limits.cost)] },
    maxAliases: { n: limits.aliases, propagateOnRejection: false, onReject: [reportTo(LimitCode.ALIASES, limits.aliases)] },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [reportTo(LimitCode.DIRECTIVES, limits.directives)],
    },
    // armor's token plugin parses every new document a second time and turns any syntax error
    // into a 500; graphql-js's parser counts tokens itself (`parseOptions.maxTokens`).
    maxTokens: { enabled: false },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.tokens } };
}
