import cluster from 'node:cluster';
import { metricsEndpoint } from '@hub/core';
import type express from 'express';
import { AggregatorRegistry, type Registry } from 'prom-client';

const ASK = 'hub:gateway-metrics?';
const ANSWER = 'hub:gateway-metrics!';
/** prom-client gives up on a silent worker after 5 s; the asking worker waits a little longer. */
const WAIT_MS = 6000;

interface Ask {
  type: typeof ASK;
  id: number;
}

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

const isMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/**
 * In the primary of a clustered gateway: answers a worker that serves `/metrics` with every
 * worker's series, aggregated by prom-client (summed, unless a series names its aggregator).
 */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<Ask>(message, ASK)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text } satisfies Answer),
      (error: unknown) => worker.send({ type: ANSWER, id: message.id, error: String(error) } satisfies Answer),
    );
  });
}

/** Asks the primary for the whole gateway's metrics; rejects after WAIT_MS. */
function askPrimary(waiting: Map<number, (answer: Answer) => void>, id: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the other gateway workers did not report their metrics in time'));
    }, WAIT_MS);
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (answer.text !== undefined) resolve(answer.text);
      else reject(new Error(answer.error ?? 'no metrics'));
    });
    process.send?.({ type: ASK, id } satisfies Ask);
  });
}

/**
 * The gateway's `GET /metrics`. In one process, its own registry. In a worker, whichever worker the
 * scrape lands on answers for all of them (through the primary), so Prometheus sees one gateway.
 */
export function gatewayMetricsEndpoint(registry: Registry): express.RequestHandler {
  if (!cluster.isWorker) return metricsEndpoint(registry);
  AggregatorRegistry.setRegistries([registry]);
  // Its constructor makes this worker answer the primary's requests for its series.
  new AggregatorRegistry();
  const waiting = new Map<number, (answer: Answer) => void>();
  process.on('message', (message: unknown) => {
    if (isMessage<Answer>(message, ANSWER)) waiting.get(message.id)?.(message);
  });
  let asked = 0;
  return (_req, res) => {
    asked += 1;
    askPrimary(waiting, asked).then(
      (text) => res.type(registry.contentType).send(text),
      (error: unknown) => res.status(503).type('text/plain').send(`# ${String(error)}\n`),
    );
  };
}
