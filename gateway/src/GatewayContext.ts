import type { Viewer } from '@hub/core';

/** Per-request state of the gateway, forwarded to every subgraph it calls. */
export interface GatewayContext {
  requestId: string;
  /** The caller, verified against the trusted issuers. */
  viewer: Viewer;
  /** The gateway's own short-lived token vouching for `viewer`, signed once per request. */
  internalToken: string;
}
