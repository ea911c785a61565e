// A scratch copy of the workspace for `hub new`, so that a scaffolded partner never lands in the
// repository where other tests would discover it. The packages are symlinks (one copy of each
// module in memory, as in the repository); what `hub new`, `hub compose` and the test runner
// write is real: the root manifests, subgraphs/, schema/'s generated files, test/src/subgraphs/,
// the Docker files and the Kubernetes manifests.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS } from '@hub/core';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface ScratchWorkspace {
  root: string;
  /** The environment every command runs with: HUB_ROOT is the scratch copy. */
  env: NodeJS.ProcessEnv;
  /** Runs a command in the scratch copy and waits for it. */
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): SpawnSyncReturns<string>;
  /** Runs `hub` (the repository's built CLI) in the scratch copy. */
  hub(...args: string[]): SpawnSyncReturns<string>;
  /** Every file and folder under the root, symlinked packages not followed. */
  listing(): string[];
  remove(): void;
}

const link = (from: string, to: string) => symlinkSync(from, to, 'dir');

/** What `hub new` adds a partner to, and what test/src/infra/dockerCompose.test.ts reads. */
export const DOCKER_FILES = ['docker-compose.yml', 'infra/postgres/init.sql', 'infra/Dockerfile', '.dockerignore'];

/** The manifests `hub new` regenerates with the partner, and test/src/infra/kubernetes.test.ts reads. */
const KUBERNETES_DIR = 'infra/kubernetes';

/** Paths under `dir`, relative to `root`; a symlink is listed, not followed. */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const own = path.relative(root, full);
    return entry.isDirectory() ? [own, ...walk(root, full)] : [own];
  });
}

export function scratchWorkspace(): ScratchWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'hub-new-'));
  mkdirSync(path.join(root, 'infra', 'postgres'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'eslint.config.mjs', 'jest.config.js', ...DOCKER_FILES]) {
    copyFileSync(path.join(REPO_ROOT, file), path.join(root, file));
  }
  cpSync(path.join(REPO_ROOT, KUBERNETES_DIR), path.join(root, KUBERNETES_DIR), { recursive: true });
  for (const folder of ['node_modules', 'core', 'gateway', 'cli']) link(path.join(REPO_ROOT, folder), path.join(root, folder));
  mkdirSync(path.join(root, 'schema'));
  for (const file of ['supergraph.graphql', 'supergraph.dashboard.graphql']) {
    copyFileSync(path.join(REPO_ROOT, 'schema', file), path.join(root, 'schema', file));
  }
  link(path.join(REPO_ROOT, 'schema', 'examples'), path.join(root, 'schema', 'examples'));
  mkdirSync(path.join(root, 'subgraphs'));
  for (const partner of PARTNERS) link(partner.directory, path.join(root, 'subgraphs', partner.name));
  mkdirSync(path.join(root, 'test', 'src', 'subgraphs'), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, 'test', 'tsconfig.json'), path.join(root, 'test', 'tsconfig.json'));
  for (const folder of ['support', 'disclosure']) link(path.join(REPO_ROOT, 'test', 'src', folder), path.join(root, 'test', 'src', folder));

  const env: NodeJS.ProcessEnv = { ...process.env, HUB_ROOT: root, HUB_DATA_DIR: path.join(root, '.data') };
  // Embedded databases only: CI's PostgreSQL databases belong to the tests that were given them.
  for (const partner of PARTNERS) delete env[`${partner.envPrefix}_DATABASE_URL`];
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(command, args, { cwd: root, env: { ...env, ...extra }, encoding: 'utf8' });
  return {
    root,
    env,
    run,
    hub: (...args) => run(process.execPath, [path.join(root, 'cli', 'dist', 'bin.js'), ...args]),
    listing: () => walk(root).sort(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
