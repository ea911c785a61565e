import express from 'express';
import type { Registry } from 'prom-client';
import { gatewayMetricsEndpoint } from './observability/clusterMetrics';
import type { PartnerLinks } from './traffic/PartnerLinks';

/**
 * `/healthz`: the process is up. `/readyz`: every partner as the gateway last saw it (up,
 * degraded, open), 200 when all are up and 503 otherwise; the gateway still answers with the
 * partners that are up, so this is for monitoring, not for taking the gateway out of rotation.
 * `/metrics`: Prometheus, every worker's series together. None needs a token and none tells anything about persons.
 */
export function healthRouter(links: PartnerLinks, registry: Registry): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = links.all.every((link) => link.health.state === 'up');
    const partners = Object.fromEntries(links.all.map((link) => [link.name, link.health]));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', partners });
  });
  router.get('/metrics', gatewayMetricsEndpoint(registry));
  return router;
}
