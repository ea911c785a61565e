// One measurement: autocannon against one contender, after a warm-up that is thrown away,
// with every answer checked against the contender's own first answer (an error or a partial
// answer counts as failed) and the peak RSS of the contender's processes sampled meanwhile.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { sampleRss, treeCpuSeconds } from './processes';

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The answer every request must get, byte for byte. */
  expectBody: string;
  /** The contender's main process (its workers are found under it). */
  pid: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring. */
  warmup: number;
  /** Every request carries its own x-request-id, so no gateway can merge requests. */
  distinctHeader: boolean;
  /** Resolves once the subgraphs have worked off what an earlier run left queued. */
  settle(): Promise<void>;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latencies in milliseconds. */
  mean: number;
  p95: number;
  p99: number;
  /** Requests that failed: connection errors, timeouts, or another answer (errors, non-2xx). */
  failed: number;
  peakRss: { total: number; largest: number };
  /** CPU time the contender's processes spent per request sent (answered or not). */
  cpuMsPerRequest: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs autocannon for `seconds`; `onAnswer` gets the latency of every request that got the
 * expected answer. A client's 'response' comes right before its body is verified, in one go.
 */
function fire(target: LoadTarget, options: LoadOptions, seconds: number, onAnswer: (ms: number) => void) {
  let latency = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...target.headers,
          ...(options.distinctHeader ? { 'x-request-id': 'bench-[<id>]' } : {}),
        },
        body: target.body,
        idReplacement: options.distinctHeader,
        verifyBody: (body) => {
          if (body !== target.expectBody) return false;
          onAnswer(latency);
          return true;
        },
        connections: options.connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // The instance re-emits each client's 'response' with the client first (@types omit it).
    (instance as EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latency = ms;
    });
  });
}

export async function measure(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  if (options.warmup > 0) await fire(target, options, options.warmup, () => undefined);
  await options.settle();
  const latencies: number[] = [];
  const stopSampling = sampleRss(target.pid);
  const cpuBefore = treeCpuSeconds(target.pid);
  const result = await fire(target, options, options.duration, (ms) => latencies.push(ms));
  const cpuSeconds = treeCpuSeconds(target.pid) - cpuBefore;
  const peakRss = stopSampling();
  await options.settle();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / result.duration,
    mean: latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length,
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failed: result.errors + result.mismatches,
    peakRss,
    cpuMsPerRequest: (1000 * cpuSeconds) / (result.requests.total || NaN),
  };
}
