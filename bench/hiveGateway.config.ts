// Hive Gateway's configuration in the benchmark (`hive-gateway supergraph ... -c` this file,
// compiled): the checked-in supergraph, with each subgraph's URL pointed at the benchmark's own
// subgraph processes, and the caller's headers passed on. Hive does not sign the hub's gateway
// token per request: the load tool sends a pre-minted one, which Hive forwards as it is.
import type { GatewayCLIConfig } from '@graphql-hive/gateway';

const urls = JSON.parse(process.env.HUB_BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

export const gatewayConfig: GatewayCLIConfig = {
  transportEntries: Object.fromEntries(Object.entries(urls).map(([subgraph, location]) => [subgraph, { location }])),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
      'x-request-id': request.headers.get('x-request-id'),
    }),
  },
};
