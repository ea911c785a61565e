// One request at a time (latency without queueing), with what each request costs the subgraphs:
// SQL statements and bytes between gateway and subgraphs, counted in the subgraph processes.
import { performance } from 'node:perf_hooks';
import { postQuery } from './postQuery';
import type { BenchSubgraphs } from './subgraphs';

export interface SequentialCost {
  mean: number;
  p50: number;
  p95: number;
  max: number;
  sqlPerRequest: number;
  kbPerRequest: number;
  /** "0", or the count with the error codes seen. */
  failed: string;
  /** The last good answer. */
  answer?: string;
}

/** One request; an answer with errors counts as failed, with its error codes kept. */
async function ask(url: string, headers: Record<string, string>, query: string, codes: Set<string>) {
  try {
    return await postQuery(url, headers, query);
  } catch (error) {
    for (const [, code] of String(error).matchAll(/"code":"(\w+)"/g)) codes.add(code);
    if (codes.size === 0) codes.add(String(error).slice(0, 80));
    return undefined;
  }
}

export async function sequentialCost(
  gateway: { url: string; headers: Record<string, string> },
  subgraphs: BenchSubgraphs,
  query: string,
  samples: number,
  /** Run before each sample, not timed (a write, so that each answer is computed anew). */
  beforeEach?: () => Promise<void>,
): Promise<SequentialCost> {
  const codes = new Set<string>();
  for (let i = 0; i < 3; i += 1) await ask(gateway.url, gateway.headers, query, codes);
  codes.clear();
  await subgraphs.settle();
  const before = await subgraphs.stats();
  const latencies: number[] = [];
  let answer: string | undefined;
  for (let i = 0; i < samples; i += 1) {
    await beforeEach?.();
    const started = performance.now();
    const body = await ask(gateway.url, gateway.headers, query, codes);
    if (body !== undefined) latencies.push(performance.now() - started);
    answer = body ?? answer;
  }
  const after = await subgraphs.stats();
  latencies.sort((a, b) => a - b);
  const failed = samples - latencies.length;
  return {
    mean: latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length,
    p50: latencies[Math.ceil(0.5 * latencies.length) - 1] ?? NaN,
    p95: latencies[Math.ceil(0.95 * latencies.length) - 1] ?? NaN,
    max: latencies[latencies.length - 1] ?? NaN,
    sqlPerRequest: (after.sqlStatements - before.sqlStatements) / samples,
    kbPerRequest: (after.bytesIn + after.bytesOut - before.bytesIn - before.bytesOut) / samples / 1024,
    failed: failed === 0 ? '0' : `${failed} (${[...codes].join(', ')})`,
    answer,
  };
}
