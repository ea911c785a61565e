import { Counter, Histogram, type Registry } from 'prom-client';
import { operationLabels } from './operationLabel';

/** A subgraph's request series, by the caller's operation name (the gateway's fetch suffix removed). */
export interface SubgraphMetrics {
  requests: Counter<'operation' | 'status'>;
  errors: Counter<'operation' | 'code'>;
  duration: Histogram<'operation'>;
  sqlStatements: Histogram<'operation'>;
  operationLabel: ReturnType<typeof operationLabels>;
}

export function createSubgraphMetrics(registry: Registry): SubgraphMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'hub_subgraph_requests_total',
      help: 'Requests to /graphql, by operation and HTTP status.',
      labelNames: ['operation', 'status'],
      registers,
    }),
    errors: new Counter({
      name: 'hub_subgraph_errors_total',
      help: 'GraphQL errors in responses, by operation and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    }),
    duration: new Histogram({
      name: 'hub_subgraph_request_duration_seconds',
      help: 'Time from the request arriving to the response being sent, by operation.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    // DataLoaders keep this flat whatever the number of rows: a rising count is an N+1 query.
    sqlStatements: new Histogram({
      name: 'hub_subgraph_sql_statements',
      help: 'SQL statements run per request, by operation.',
      labelNames: ['operation'],
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89],
      registers,
    }),
    operationLabel: operationLabels(),
  };
}
