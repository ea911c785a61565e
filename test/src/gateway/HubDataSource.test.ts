import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Role } from '@hub/core';
import { HubDataSource, type GatewayContext } from '@hub/gateway';

function outgoing(context: GatewayContext | Record<string, never>): Headers {
  const headers = new Headers();
  const source = new HubDataSource({ url: 'http://127.0.0.1:1/graphql' });
  source.willSendRequest({
    request: { query: '{ __typename }', http: { method: 'POST', url: 'http://127.0.0.1:1/graphql', headers } },
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
  return headers;
}

const viewer = { subject: 'ana', partner: 'lauritzen-foundation', roles: [Role.ANALYST], purpose: null };

describe('HubDataSource', () => {
  it('vouches for the caller with the gateway\'s own token and passes the request id', () => {
    const headers = outgoing({ requestId: 'req-42', viewer, internalToken: 'gateway.signed.token' });
    expect(headers.get('x-request-id')).toBe('req-42');
    expect(headers.get('authorization')).toBe('Bearer gateway.signed.token');
  });

  it('adds nothing to the gateway\'s own calls, which have no request context', () => {
    expect([...outgoing({}).keys()]).toEqual([]);
  });
});
