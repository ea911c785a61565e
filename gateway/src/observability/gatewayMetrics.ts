import { operationLabels } from '@hub/core';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { KeptOutcome } from '../traffic/answers/KeptAnswers';
import type { PartnerObserver } from '../traffic/PartnerLink';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The gateway's series: its requests by operation, and its calls to each partner. */
export interface GatewayMetrics extends PartnerObserver {
  requests: Counter<'operation' | 'status'>;
  errors: Counter<'operation' | 'code'>;
  duration: Histogram<'operation'>;
  operationLabel: ReturnType<typeof operationLabels>;
  /** A query looked for a kept whole answer: what it found. */
  keptOperation(outcome: KeptOutcome): void;
}

export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  const registers = [registry];
  const fetches = new Counter({
    name: 'hub_gateway_partner_fetches_total',
    help: 'Calls to a partner\'s subgraph (retries included in one call), by partner and outcome (ok or the error code).',
    labelNames: ['partner', 'outcome'],
    registers,
  });
  const fetchDuration = new Histogram({
    name: 'hub_gateway_partner_fetch_duration_seconds',
    help: 'Time of one call to a partner, retries and backoff included, by partner.',
    labelNames: ['partner'],
    buckets: SECONDS,
    registers,
  });
  const merged = new Counter({
    name: 'hub_gateway_partner_fetches_merged_total',
    help: 'Fetches answered with the shareable answer of an identical fetch in flight (same rights), without a call of their own, by partner.',
    labelNames: ['partner'],
    registers,
  });
  const waiting = new Gauge({
    name: 'hub_gateway_partner_fetches_waiting',
    help: 'Fetches waiting for the answer of an identical fetch in flight to the partner, by partner.',
    labelNames: ['partner'],
    aggregator: 'sum',
    registers,
  });
  const kept = new Counter({
    name: 'hub_gateway_kept_answers_total',
    help: 'Fetches that looked for a kept answer, by partner and outcome: hit (current, no call), miss (none kept), changed (the partner\'s data changed since), unknown (its version could not be read).',
    labelNames: ['partner', 'outcome'],
    registers,
  });
  const keptOperations = new Counter({
    name: 'hub_gateway_kept_operations_total',
    help: 'Queries that looked for a kept whole answer, by outcome: hit (answered without planning or a call), miss, changed, unknown.',
    labelNames: ['outcome'],
    registers,
  });
  const circuit = new Gauge({
    name: 'hub_gateway_partner_circuit_state',
    help: 'Circuit breaker per partner: 0 closed, 1 open, 2 half-open (with several workers, the highest).',
    labelNames: ['partner'],
    aggregator: 'max',
    registers,
  });
  return {
    requests: new Counter({
      name: 'hub_gateway_requests_total',
      help: 'Requests to /graphql, by operation and HTTP status.',
      labelNames: ['operation', 'status'],
      registers,
    }),
    errors: new Counter({
      name: 'hub_gateway_errors_total',
      help: 'GraphQL errors in answers, by operation and extensions.code.',
      labelNames: ['operation', 'code'],
      registers,
    }),
    duration: new Histogram({
      name: 'hub_gateway_request_duration_seconds',
      help: 'Time from the request arriving to the answer being sent, by operation.',
      labelNames: ['operation'],
      buckets: SECONDS,
      registers,
    }),
    operationLabel: operationLabels(),
    fetched(partner, outcome, seconds) {
      fetches.inc({ partner, outcome });
      fetchDuration.observe({ partner }, seconds);
    },
    circuitChanged(partner, state) {
      circuit.set({ partner }, state);
    },
    waiting(partner, delta) {
      waiting.inc({ partner }, delta);
    },
    merged(partner) {
      merged.inc({ partner });
    },
    kept(partner, outcome) {
      kept.inc({ partner, outcome });
    },
    keptOperation(outcome) {
      keptOperations.inc({ outcome });
    },
  };
}
