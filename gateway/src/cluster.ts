import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { wholeNumber } from './config/wholeNumber';

/** How the gateway's port is served. */
export interface WorkerPlan {
  /** Worker processes under a primary that restarts them; 0: serve in this one process. */
  workers: number;
  /** Node options added to each worker's own (its heap's sizes). */
  execArgv: string[];
}

/**
 * V8 lets a busy process's heap grow to several times its live data before collecting it in full
 * (a worker answering 500-700 requests/s grew past 300 MB on the benchmark with ~60 MB live). A
 * limit makes it collect sooner; what large cohort requests need at once is bounded by the
 * gateway's admission of member-moving operations (admission/Admission.ts).
 */
export const DEFAULT_GATEWAY_HEAP_MB = 160;
const MIN_GATEWAY_HEAP_MB = 64;
/**
 * With 50 requests in flight, their short-lived objects outlive V8's default 16 MB semi-spaces and
 * get promoted, to be freed by full collections, which the heap limit makes more frequent (~10 %
 * more CPU per request on the benchmark). 32 MB semi-spaces keep them young, for ~30 MB more RSS.
 */
const YOUNG_GENERATION_ARGS = ['--max-semi-space-size=32'];

/**
 * `HUB_GATEWAY_WORKERS`: how many worker processes serve the gateway's port. Default: one per core
 * in production (`NODE_ENV=production`); otherwise, unless set, the gateway runs in one process,
 * so development and tests see one process. `HUB_GATEWAY_HEAP_MB`: each worker's heap limit.
 */
export function gatewayWorkersFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerPlan {
  const heapMb = wholeNumber(env, 'HUB_GATEWAY_HEAP_MB', MIN_GATEWAY_HEAP_MB) ?? DEFAULT_GATEWAY_HEAP_MB;
  const workers = wholeNumber(env, 'HUB_GATEWAY_WORKERS', 1) ?? (env.NODE_ENV === 'production' ? availableParallelism() : 0);
  return { workers, execArgv: [`--max-old-space-size=${heapMb}`, ...YOUNG_GENERATION_ARGS] };
}

/**
 * Runs `serve` in `plan.workers` processes sharing one port through node:cluster, or in this
 * process when there are none. The primary serves nothing: it restarts a worker that dies after it
 * started listening (a heap exhausted included), and stops (exit code 1) when one dies before,
 * because then every replacement would fail the same way (a missing key file, a port in use).
 * SIGTERM/SIGINT stop every worker first.
 */
export function runClustered(plan: WorkerPlan, serve: () => Promise<void>, label = 'gateway'): void {
  if (plan.workers === 0 || cluster.isWorker) {
    void serve();
    return;
  }
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...plan.execArgv] });
  const running = new Set<Worker>();
  const listened = new WeakSet<Worker>();
  let stopping: { exitCode: number } | undefined;
  const fork = () => {
    const worker = cluster.fork();
    running.add(worker);
    worker.once('listening', () => listened.add(worker));
  };
  const stopAll = (exitCode: number) => {
    stopping = { exitCode };
    if (running.size === 0) process.exit(exitCode);
    for (const worker of running) worker.process.kill('SIGTERM');
    // A worker draining a hung connection must not hold the port: give up after ten seconds.
    setTimeout(() => process.exit(exitCode), 10_000).unref();
  };
  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    if (stopping) {
      if (running.size === 0) process.exit(stopping.exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    if (!listened.has(worker)) {
      console.error(`${label} worker ${worker.process.pid} exited (${how}) before serving; stopping`);
      stopAll(1);
      return;
    }
    console.error(`${label} worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));
  console.log(`${label}: ${plan.workers} worker processes on one port`);
  for (let i = 0; i < plan.workers; i += 1) fork();
}
