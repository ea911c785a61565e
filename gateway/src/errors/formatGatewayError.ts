import { echoed, formatError } from '@hub/core';
import type { GraphQLFormattedError } from 'graphql';
import { PartnerErrorCode, partnerFailureMessage } from '../traffic/PartnerFailure';
import { DEFAULT_TRAFFIC } from '../traffic/trafficSettings';
import { exceededLimitOf } from '../limits/LimitExceededError';
import { capEchoes } from './capEchoes';

/** Codes partners raise on purpose; their errors reach the client, named after the partner. */
const PARTNER_CODES = new Set<unknown>(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT', ...Object.values(PartnerErrorCode)]);

/** Whether a partner's error reaches the client as the partner wrote it (else it is masked). */
export const isDeliberatePartnerError = (code: unknown) => PARTNER_CODES.has(code);

/** The extension keys those errors may carry; anything else a partner adds stays behind. */
const PARTNER_EXTENSION_KEYS = ['code', 'argument', 'value', 'field', 'missing', 'version', 'retryAfter', 'maxBytes'];

/** An extension as the client gets it back: `value` (what the client sent) cut to 64 characters. */
const capped = (key: string, value: unknown) => (key === 'value' && typeof value === 'string' ? echoed(value) : value);

/**
 * A partner's error as the client sees it: attributed (`extensions.partner`) and, unless its code
 * says the partner raised it on purpose, masked: no message, stack, SQL or file path of a partner
 * leaves the gateway. The detail stays in that partner's log under the same request id.
 */
function partnerError(formatted: GraphQLFormattedError, partner: string): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (!isDeliberatePartnerError(extensions.code)) {
    return {
      message: partnerFailureMessage(partner, PartnerErrorCode.ERROR, DEFAULT_TRAFFIC),
      path: formatted.path,
      extensions: { code: PartnerErrorCode.ERROR, partner },
    };
  }
  const kept = Object.fromEntries(PARTNER_EXTENSION_KEYS.filter((key) => key in extensions).map((key) => [key, capped(key, extensions[key])]));
  return { message: formatted.message, path: formatted.path, extensions: { ...kept, partner } };
}

/** The gateway's own errors: a limit's code where Apollo would put a generic one, else core's rule. */
function gatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limit = exceededLimitOf(error);
  if (limit) return { message: limit.message, locations: formatted.locations, extensions: { code: limit.code, max: limit.max } };
  return formatError(formatted, error);
}

/**
 * The gateway's `formatError`. Errors from a partner carry `serviceName` (set by the executor);
 * the gateway's own go through core's rule (a code, or a generic internal error), and a limit's
 * refusal gets its own code instead of Apollo's GRAPHQL_VALIDATION_FAILED or GRAPHQL_PARSE_FAILED.
 * Neither repeats more than 64 characters of a value a client sent.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const partner = formatted.extensions?.serviceName;
  const answer = typeof partner === 'string' ? partnerError(formatted, partner) : gatewayError(formatted, error);
  return { ...answer, message: capEchoes(answer.message) };
}
