import type express from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A Prometheus registry of one component, with the process's default metrics (CPU, memory, event
 * loop, GC). Its own, not prom-client's global one: tests run several servers in one process, and
 * each must report only its own requests. Every series carries `component`.
 */
export function createMetricsRegistry(component: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `GET /metrics`: the registry in Prometheus's text format. */
export function metricsEndpoint(registry: Registry): express.RequestHandler {
  return (_req, res, next) => {
    registry.metrics().then((text) => {
      res.type(registry.contentType).send(text);
    }, next);
  };
}
