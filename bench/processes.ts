// The benchmark's child processes: started with their output kept aside (shown when one fails,
// so it never breaks the table), and all stopped when the benchmark ends, fails or gets Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface BenchProcess {
  label: string;
  child: ChildProcess;
  /** The last lines it wrote, stdout and stderr together. */
  output(): string;
  /** Resolves once stdout matched `pattern` `count` times; rejects if the process exits first. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<BenchProcess>();
const KEPT_LINES = 40;

/** Runs `node <args>` from the repository root with `env` added to this process's environment. */
export function launchNode(label: string, args: string[], env: NodeJS.ProcessEnv = {}): BenchProcess {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
    if (process.env.HUB_BENCH_VERBOSE) process.stderr.write(`[${label}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit');
  const benchProcess: BenchProcess = {
    label,
    child,
    output: () => lines.map((line) => `  [${label}] ${line}`).join('\n'),
    waitFor: (pattern, count = 1, timeoutMs = 300_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label}: no ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
        let seen = 0;
        const onData = (chunk: Buffer) => {
          seen += chunk.toString().match(new RegExp(pattern, 'g'))?.length ?? 0;
          if (seen < count) return;
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve();
        };
        child.stdout?.on('data', onData);
        void exited.then(([code, signal]) => {
          clearTimeout(timer);
          reject(new Error(`${label} exited (${signal ?? code}) before ${pattern}:\n${benchProcess.output()}`));
        });
      }),
    async stop() {
      running.delete(benchProcess);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(benchProcess);
  return benchProcess;
}

/** Stops every process still running; the benchmark calls it at the end and on a signal. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((benchProcess) => benchProcess.stop()));
}

process.once('exit', () => {
  for (const { child } of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark's processes`);
    void stopAll().then(() => process.exit(130));
  });
}

/** A TCP port that was free a moment ago, for servers that cannot report the port they got. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A process and its descendants (cluster workers), from /proc; gone ones are skipped. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return [pid, ...(children ? children.split(/\s+/) : []).flatMap((child) => processTree(Number(child)))];
  } catch {
    return [];
  }
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Resident set size of a process tree in bytes: in total, and of its largest process. */
export function treeRss(pid: number): { total: number; largest: number } {
  const sizes = processTree(pid).map((id) => 1024 * Number(/VmRSS:\s+(\d+)/.exec(readProc(id, 'status'))?.[1] ?? 0));
  return { total: sizes.reduce((sum, size) => sum + size, 0), largest: Math.max(0, ...sizes) };
}

/** CPU seconds (user + system) a process tree has used so far; Linux counts in 1/100 s. */
export function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, id) => {
    const fields = readProc(id, 'stat').split(') ')[1]?.split(' ') ?? [];
    return sum + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
  }, 0);
}

/** Samples treeRss every 250 ms until stopped; returns the peaks seen. */
export function sampleRss(pid: number): () => { total: number; largest: number } {
  const peak = { total: 0, largest: 0 };
  const sample = () => {
    const now = treeRss(pid);
    peak.total = Math.max(peak.total, now.total);
    peak.largest = Math.max(peak.largest, now.largest);
  };
  sample();
  const timer = setInterval(sample, 250);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}
