import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';

/** The codes of a partner's part that is missing from an answer (`extensions.code`). */
export const PartnerErrorCode = {
  /** Could not be reached: connection refused or reset, or its circuit is open. */
  UNAVAILABLE: 'PARTNER_UNAVAILABLE',
  /** Did not answer in time. */
  TIMEOUT: 'PARTNER_TIMEOUT',
  /** Answered with an HTTP error, a body that is not a GraphQL response, or an internal error. */
  ERROR: 'PARTNER_ERROR',
  /** Not called: the gateway's line to the partner was full. Try again after `retryAfter` seconds. */
  BUSY: 'GATEWAY_BUSY',
  /**
   * Not asked, or its answer no longer read: the request moved more to and from the partner than
   * one request may (`HUB_REQUEST_PARTNER_MB`), e.g. with many large cohorts at once.
   */
  TRAFFIC_LIMIT: 'PARTNER_TRAFFIC_LIMIT',
} as const;

const MEGABYTE = 1024 * 1024;

/** Seconds a caller turned away by a full line is told to wait (`Retry-After`). */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export type PartnerErrorCode = (typeof PartnerErrorCode)[keyof typeof PartnerErrorCode];

/** Connection failures worth another attempt: the partner may be restarting. */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * Why one call to a partner failed. `detail` (a status, an errno) goes to the log only; the
 * client learns the code and the partner's name.
 */
export class PartnerFailure extends Error {
  /** Another attempt may succeed (queries only). */
  readonly transient: boolean;
  /** Counts towards opening the circuit: the partner is unwell, not the request. */
  readonly countsAgainstPartner: boolean;
  /** Refused by the open circuit: the partner was not called. */
  readonly shortCircuited: boolean;

  constructor(
    readonly code: PartnerErrorCode,
    readonly detail: string,
    options: { transient?: boolean; countsAgainstPartner?: boolean; shortCircuited?: boolean } = {},
  ) {
    super(detail);
    this.name = 'PartnerFailure';
    this.transient = options.transient ?? false;
    this.countsAgainstPartner = options.countsAgainstPartner ?? true;
    this.shortCircuited = options.shortCircuited ?? false;
  }

  static fromStatus(status: number): PartnerFailure {
    return new PartnerFailure(PartnerErrorCode.ERROR, `HTTP ${status}`, {
      transient: TRANSIENT_STATUSES.has(status),
      // A 4xx is this request's fault (too large, refused), not a sign the partner is down.
      countsAgainstPartner: status >= 500,
    });
  }

  static malformed(what: string): PartnerFailure {
    return new PartnerFailure(PartnerErrorCode.ERROR, `malformed answer: ${what}`);
  }
}

/** Whatever a call threw, as a failure with a code. */
export function partnerFailureOf(error: unknown): PartnerFailure {
  if (error instanceof PartnerFailure) return error;
  if (error instanceof BrokenCircuitError) {
    return new PartnerFailure(PartnerErrorCode.UNAVAILABLE, 'circuit open', { countsAgainstPartner: false, shortCircuited: true });
  }
  if (error instanceof TaskCancelledError) return new PartnerFailure(PartnerErrorCode.TIMEOUT, error.message);
  if (error instanceof BulkheadRejectedError) {
    // The partner was never called: its line was full. That says nothing about its health.
    return new PartnerFailure(PartnerErrorCode.BUSY, 'line full', { countsAgainstPartner: false, shortCircuited: true });
  }
  const errno = (error as { code?: unknown }).code;
  if (typeof errno === 'string') {
    return new PartnerFailure(PartnerErrorCode.UNAVAILABLE, errno, { transient: TRANSIENT_NETWORK_CODES.has(errno) });
  }
  return new PartnerFailure(PartnerErrorCode.ERROR, error instanceof Error ? error.message : String(error));
}

/** What the client reads: which partner's part is missing and why, nothing of its internals. */
export function partnerFailureMessage(partner: string, code: PartnerErrorCode, settings: { timeoutMs: number; requestBytes: number }): string {
  switch (code) {
    case PartnerErrorCode.UNAVAILABLE:
      return `Partner "${partner}" is unavailable; its part of the answer is missing.`;
    case PartnerErrorCode.TIMEOUT:
      return `Partner "${partner}" did not answer within ${settings.timeoutMs} ms; its part of the answer is missing.`;
    case PartnerErrorCode.BUSY:
      return `Partner "${partner}" has as many requests waiting as the gateway holds; its part of the answer is missing. Try again in ${BUSY_RETRY_AFTER_SECONDS} s.`;
    case PartnerErrorCode.TRAFFIC_LIMIT:
      return `This request moved more than ${settings.requestBytes / MEGABYTE} MB to and from partner "${partner}"; its part of the answer is missing. Ask for fewer or smaller cohorts at once.`;
    default:
      return `Partner "${partner}" could not answer; its part of the answer is missing.`;
  }
}
