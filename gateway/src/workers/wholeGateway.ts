import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { PartnerHealth, PartnerState } from '../traffic/PartnerLink';
import type { PartnerLinks } from '../traffic/PartnerLinks';
import { answerPrimary, answerWorkers, askEveryWorker, askPrimary } from './questions';

/** What `/readyz` reports: every partner as the gateway last saw it. */
export interface Readiness {
  status: 'ready' | 'degraded';
  partners: Record<string, PartnerHealth>;
}

/** `/metrics` and `/readyz` of the gateway, whichever process serves them. */
export interface GatewayReports {
  metrics(): Promise<string>;
  readiness(): Promise<Readiness>;
}

const SEVERITY: Record<PartnerState, number> = { up: 0, degraded: 1, open: 2 };

function readinessOf(partners: Record<string, PartnerHealth>): Readiness {
  const ready = Object.values(partners).every((health) => health.state === 'up');
  return { status: ready ? 'ready' : 'degraded', partners };
}

/** Each partner as the worker that saw it worst sees it (a circuit open anywhere shows as open). */
export function mergeReadiness(reports: Readiness[]): Readiness {
  const partners: Record<string, PartnerHealth> = {};
  for (const report of reports) {
    for (const [name, health] of Object.entries(report.partners)) {
      const seen = partners[name];
      if (!seen || SEVERITY[health.state] > SEVERITY[seen.state]) partners[name] = health;
    }
  }
  return readinessOf(partners);
}

/**
 * In the primary of a clustered gateway: answers a worker serving `/metrics` with every worker's
 * series, aggregated by prom-client (summed unless a series names its aggregator), and one serving
 * `/readyz` with every worker's partners merged.
 */
export function reportForAllWorkers(): void {
  const aggregator = new AggregatorRegistry();
  answerWorkers({
    metrics: () => aggregator.clusterMetrics(),
    readiness: async () => mergeReadiness((await askEveryWorker('readiness')) as Readiness[]),
  });
}

/**
 * In a gateway worker, first thing: answer the primary's questions (prom-client's for metrics
 * included) while the gateway starts, with nothing rather than silence, which would cost the
 * scrape or probe that asked a timeout.
 */
export function answerWhileStarting(): void {
  new AggregatorRegistry();
  answerPrimary();
}

/**
 * The gateway's reports. In one process, its own. In a worker, the whole gateway's, through the
 * primary, so that a scrape or a probe sees one gateway whichever worker it reaches.
 */
export function gatewayReports(links: PartnerLinks, registry: Registry): GatewayReports {
  const own = () => readinessOf(Object.fromEntries(links.all.map((link) => [link.name, link.health])));
  if (!cluster.isWorker) return { metrics: () => registry.metrics(), readiness: async () => own() };
  AggregatorRegistry.setRegistries([registry]);
  answerWhileStarting();
  answerPrimary({ readiness: own });
  return {
    metrics: async () => (await askPrimary('metrics')) as string,
    readiness: async () => (await askPrimary('readiness')) as Readiness,
  };
}
