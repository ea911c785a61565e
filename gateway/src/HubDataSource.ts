import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './GatewayContext';

/**
 * How the gateway talks to one partner's subgraph: it vouches for the verified caller with its
 * own token (never the caller's: a subgraph trusts only the gateway's key) and passes the request
 * id that ties the partners' logs together.
 */
export class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run without a request context.
    if (!('requestId' in context)) return;
    request.http?.headers.set('x-request-id', context.requestId);
    request.http?.headers.set('authorization', `Bearer ${context.internalToken}`);
  }
}
