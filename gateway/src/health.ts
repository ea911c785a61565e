import express from 'express';
import type { Registry } from 'prom-client';
import type { PartnerLinks } from './traffic/PartnerLinks';
import { gatewayReports } from './workers/wholeGateway';

/** A report the other workers did not give in time: say so, as a failed probe would. */
const unavailable = (res: express.Response) => (error: unknown) =>
  res.status(503).type('text/plain').send(`${String(error)}\n`);

/**
 * `/healthz`: the process is up. `/readyz`: every partner as the gateway last saw it (up,
 * degraded, open), 200 when all are up and 503 otherwise; the gateway still answers with the
 * partners that are up, so this is for monitoring, not for taking the gateway out of rotation.
 * `/metrics`: Prometheus. Both report for every worker of the gateway. None needs a token and
 * none tells anything about persons.
 */
export function healthRouter(links: PartnerLinks, registry: Registry): express.Router {
  const reports = gatewayReports(links, registry);
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    reports.readiness().then((readiness) => {
      res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
    }, unavailable(res));
  });
  router.get('/metrics', (_req, res) => {
    reports.metrics().then((text) => res.type(registry.contentType).send(text), unavailable(res));
  });
  return router;
}
