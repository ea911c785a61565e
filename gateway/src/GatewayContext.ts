/** Per-request state of the gateway, forwarded to every subgraph it calls. */
export interface GatewayContext {
  requestId: string;
  authorization: string | null;
}
