import type { Viewer } from '@hub/core';
import type { RequestTrace } from './observability/traceGateway';
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
  /** Its spans, when traces are on. */
  trace?: RequestTrace;
}

/** Per-request state of the gateway, forwarded to every subgraph it calls. */
export interface GatewayContext {
  requestId: string;
  /** The caller, verified against the trusted issuers. */
  viewer: Viewer;
  /** The gateway's own short-lived token vouching for `viewer`, signed once per request. */
  internalToken: string;
  record: RequestRecord;
  /**
   * The version of each partner's data this request's answer was computed from; null once any
   * part of it may not be kept (person-level, an error, a partner without versions).
   */
  partnerVersions: Map<string, string> | null;
}

/** Notes the version of one partner's part of the answer (`GatewayContext.partnerVersions`). */
export function notePartnerVersion(context: Partial<GatewayContext>, partner: string, version: string | undefined): void {
  const versions = context.partnerVersions;
  if (!versions) return;
  const known = versions.get(partner);
  // Two parts from two versions of one partner's data: no one version to check it against.
  if (version === undefined || (known !== undefined && known !== version)) context.partnerVersions = null;
  else versions.set(partner, version);
}
