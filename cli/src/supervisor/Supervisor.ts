import { spawn, type ChildProcess } from 'node:child_process';
import { RESTART_POLICY, inSeconds, restartDelayMs, type RestartPolicy } from './restartPolicy';

/** One program the supervisor keeps running: `node <script>` with its own environment. */
export interface Program {
  /** Prefix of its log lines, e.g. "jobcentre". */
  label: string;
  /** Absolute path of the script node runs. */
  script: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A program under supervision, as `Supervisor.launch` returns it. */
export interface Supervised {
  /**
   * Says it has served (its health check passed). Before that, its death stops the hub: its
   * replacement would most likely fail the same way (a port in use, a missing build). After,
   * it is restarted.
   */
  served(): void;
}

const prefixed = (label: string, chunk: Buffer) =>
  chunk.toString().split('\n').filter(Boolean).map((line) => `[${label}] ${line}\n`).join('');

/**
 * Runs the hub's processes and restarts one that dies, with exponential backoff, so that one
 * partner's crash costs only that partner's fields while the gateway and the others keep serving.
 */
export class Supervisor {
  private readonly running = new Set<ChildProcess>();
  private readonly pendingRestarts = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {}

  launch(program: Program): Supervised {
    let served = false;
    let attempt = 0;
    const run = () => {
      const startedAt = Date.now();
      this.spawn(program, (how) => {
        if (this.stopping) return;
        if (!served) {
          console.error(`[${program.label}] exited (${how}) before it served; stopping the hub`);
          this.stopAll(1);
          return;
        }
        attempt = Date.now() - startedAt >= this.policy.stableAfterMs ? 1 : attempt + 1;
        const delay = restartDelayMs(attempt, this.policy);
        console.error(`[${program.label}] exited (${how}); restarting in ${inSeconds(delay)} (attempt ${attempt})`);
        this.later(delay, run);
      });
    };
    run();
    return { served: () => (served = true) };
  }

  /** Asks every process to stop and waits for them (each closes its embedded database first), then exits. */
  stopAll(exitCode: number): void {
    if (this.stopping) return;
    this.stopping = true;
    for (const timer of this.pendingRestarts) clearTimeout(timer);
    if (this.running.size === 0) process.exit(exitCode);
    for (const child of this.running) {
      child.once('exit', () => {
        if (this.running.size === 0) process.exit(exitCode);
      });
      child.kill('SIGTERM');
    }
    setTimeout(() => process.exit(exitCode), 10_000).unref();
  }

  private spawn(program: Program, onExit: (how: string) => void): void {
    const child = spawn(process.execPath, [program.script], {
      cwd: program.cwd,
      env: { ...process.env, ...program.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.running.add(child);
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixed(program.label, chunk)));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixed(program.label, chunk)));
    child.on('exit', (code, signal) => {
      this.running.delete(child);
      onExit(signal ? `signal ${signal}` : `code ${code}`);
    });
  }

  private later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.pendingRestarts.delete(timer);
      if (!this.stopping) action();
    }, delayMs);
    this.pendingRestarts.add(timer);
  }
}
