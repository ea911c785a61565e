import type { Viewer } from '@hub/core';
import type { PartnerErrorCode } from './traffic/PartnerFailure';

/** A partner's part that is missing from this request's answer, for the request's log line. */
export interface PartnerFailureNote {
  partner: string;
  code: PartnerErrorCode;
  /** A status or an errno: for operators, never sent to the client. */
  detail: string;
}

/** What one request leaves for its log line and its metrics, filled in while it runs. */
export interface RequestRecord {
  requestId: string;
  /** The caller's operation name, once GraphQL resolved it. */
  operation: string | null;
  /** Whether GraphQL ran at all (not refused before: no token, a body that is not JSON). */
  ran: boolean;
  /** `extensions.code` of every error in the answer. */
  errorCodes: string[];
  partnerFailures: PartnerFailureNote[];
}

/** Per-request state of the gateway, forwarded to every subgraph it calls. */
export interface GatewayContext {
  requestId: string;
  /** The caller, verified against the trusted issuers. */
  viewer: Viewer;
  /** The gateway's own short-lived token vouching for `viewer`, signed once per request. */
  internalToken: string;
  record: RequestRecord;
}
