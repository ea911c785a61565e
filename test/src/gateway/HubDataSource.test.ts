import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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

describe('HubDataSource', () => {
  it('forwards the caller\'s credentials and the request id to every subgraph', () => {
    const headers = outgoing({ requestId: 'req-42', authorization: 'Bearer abc.def.ghi' });
    expect(headers.get('x-request-id')).toBe('req-42');
    expect(headers.get('authorization')).toBe('Bearer abc.def.ghi');
  });

  it('sends no authorization header when the caller gave none', () => {
    const headers = outgoing({ requestId: 'req-43', authorization: null });
    expect(headers.has('authorization')).toBe(false);
    expect(headers.get('x-request-id')).toBe('req-43');
  });

  it('adds nothing to the gateway\'s own calls, which have no request context', () => {
    expect([...outgoing({}).keys()]).toEqual([]);
  });
});
