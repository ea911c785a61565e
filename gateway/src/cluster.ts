import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * `HUB_GATEWAY_WORKERS`: how many processes serve the gateway's port. Default: one per core in
 * production (`NODE_ENV=production`), one otherwise, so development and tests run one process.
 */
export function gatewayWorkersFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.HUB_GATEWAY_WORKERS;
  if (value === undefined || value === '') return env.NODE_ENV === 'production' ? availableParallelism() : 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new Error(`HUB_GATEWAY_WORKERS must be a whole number of 1 or more, got "${value}"`);
  }
  return workers;
}

/**
 * Runs `serve` in `workers` processes sharing one port through node:cluster, or in this process
 * when one is asked. The primary serves nothing: it restarts a worker that dies after it started
 * listening, and stops (exit code 1) when one dies before, because then every replacement would
 * fail the same way (a missing key file, a port in use). SIGTERM/SIGINT stop every worker first.
 */
export function runClustered(workers: number, serve: () => Promise<void>, label = 'gateway'): void {
  if (workers <= 1 || cluster.isWorker) {
    void serve();
    return;
  }
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
  console.log(`${label}: ${workers} worker processes on one port`);
  for (let i = 0; i < workers; i += 1) fork();
}
