import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PATIENT_PARTNERS, withEnv } from './env';
import { startHub, type TestHub } from './hub';
import { analystToken } from './identity';
import { REPO_ROOT } from './processes';

/** How a run of the built `hub` command ended: its exit code and what it printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command (`node cli/dist/bin.js ...args`) from the repository as a real process and
 * resolves when it exits, whatever its exit code. HUB_TOKEN is cleared unless `env` sets it.
 */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['cli/dist/bin.js', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, HUB_TOKEN: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A real hub for the tests of one `hub export <table>`, with an analyst's token and a folder to write files to. */
export interface ExportCli {
  /** Set before the first test. */
  readonly hub: TestHub;
  readonly token: string;
  readonly dir: string;
  /** `hub export <table> --gateway <the hub> ...args`: the token only when `args` or `env` give one. */
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
}

/**
 * Starts the hub (1,000 persons, partners given 60 s) before the file's tests and stops it after
 * them; makes a fresh folder named `<dirPrefix>...` in the system's temporary folder and removes it after.
 */
export function exportCli(table: 'indicators' | 'cohort', dirPrefix: string): ExportCli {
  let hub: TestHub | undefined;
  let token: string | undefined;
  let dir: string | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the hub is set up in beforeAll: use it inside a test');
    return value;
  };
  beforeAll(async () => {
    // Patient partners: these tests check what is exported, not how fast (a time series by month
    // computes every month at once, on five embedded databases sharing this process's one thread).
    hub = await withEnv(PATIENT_PARTNERS, () => startHub({ persons: 1000 }));
    token = await analystToken();
    dir = mkdtempSync(path.join(os.tmpdir(), dirPrefix));
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await hub?.stop();
  });
  return {
    get hub() {
      return ready(hub);
    },
    get token() {
      return ready(token);
    },
    get dir() {
      return ready(dir);
    },
    run: (args, env) => runCli(['export', table, '--gateway', ready(hub).gatewayUrl, ...args], env),
  };
}
