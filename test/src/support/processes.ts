import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository, for tests that run its built processes (`node gateway/dist/server.js`...). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * Ports handed to processes that must be told theirs before they start. Below Linux's ephemeral
 * range (32768 up), which outgoing connections and `listen(0)` take their ports from: a port
 * picked there was free when picked but could be some connection's by the time an embedded
 * database had started and the process bound it (EADDRINUSE in CI). Each jest worker has its own
 * block, so two workers never pick the same port.
 */
const PORTS_PER_WORKER = 1_000;
const FIRST_PORT = 20_000 + (Number(process.env.JEST_WORKER_ID ?? 1) - 1) * PORTS_PER_WORKER;
let nextPort = FIRST_PORT;

/** Whether `port` can be bound on loopback right now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port of this worker's block, free on loopback right now, never handed out before by this worker. */
export async function freePort(): Promise<number> {
  while (nextPort < FIRST_PORT + PORTS_PER_WORKER) {
    const port = nextPort++;
    if (await canBind(port)) return port;
  }
  throw new Error(`No free port left in ${FIRST_PORT}-${FIRST_PORT + PORTS_PER_WORKER - 1}.`);
}

/** Resolves with everything printed once `pattern` appears; rejects if the process exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve(output);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
  });
}

/** Stops a `hub start` the test launched with Ctrl-C, as a user would, and waits for it to exit. */
export async function interruptProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
