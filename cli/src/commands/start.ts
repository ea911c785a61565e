import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  GATEWAY_DEFAULT_PORT,
  PARTNERS,
  Role,
  loadOrCreateDevKeys,
  mintDevToken,
  type PartnerSpec,
} from '@hub/core';
import { devKeysDir, prepareDevIdentity } from '../devKeys';
import { REPO_ROOT } from '../paths';
import { waitForHealth } from './waitForHealth';

interface StartOptions {
  memory?: boolean;
  persons: number;
}

const children: ChildProcess[] = [];

/** Runs one process with its output prefixed, and brings the whole hub down if it dies. */
function launch(label: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, script)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk.toString().split('\n').filter(Boolean).map((line) => `[${label}] ${line}\n`).join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${label}] exited (${signal ?? code}); stopping the hub`);
    stopAll(1);
  });
  children.push(child);
  return child;
}

let stopping = false;

/** Asks every process to stop and waits for them: each closes its embedded database first. */
function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  let left = running.length;
  if (left === 0) process.exit(exitCode);
  for (const child of running) {
    child.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(exitCode), 10_000).unref();
}

function portOf(partner: PartnerSpec): number {
  return Number(process.env[`${partner.envPrefix}_PORT`] || partner.defaultPort);
}

/** A token for the links printed at start: development keys only, valid for 8 hours. */
async function developmentToken(role: Role): Promise<string> {
  const keys = await loadOrCreateDevKeys(devKeysDir());
  return mintDevToken(keys.issuer.privateKeyPem, { partner: 'lauritzen-foundation', roles: [role] });
}

/** `hub start`: one process per partner subgraph, then the gateway once they are healthy. */
export async function start(options: StartOptions): Promise<void> {
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  const shared = {
    ...(await prepareDevIdentity()),
    HUB_SEED_PERSONS: String(options.persons),
    ...(options.memory ? { HUB_MEMORY: '1' } : {}),
  };
  for (const partner of PARTNERS) {
    launch(partner.name, `subgraphs/${partner.name}/dist/server.js`, shared);
  }
  await Promise.all(PARTNERS.map((partner) => waitForHealth(`http://127.0.0.1:${portOf(partner)}/healthz`)));
  const gatewayPort = Number(process.env.GATEWAY_PORT || GATEWAY_DEFAULT_PORT);
  const urls = Object.fromEntries(
    PARTNERS.map((p) => [`${p.envPrefix}_URL`, `http://127.0.0.1:${portOf(p)}/graphql`]),
  );
  launch('gateway', 'gateway/dist/server.js', { ...shared, ...urls });
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/healthz`);
  const url = `http://localhost:${gatewayPort}/graphql`;
  console.log(`\nThe partner data hub is up: ${url}`);
  console.log(`Sandbox as a development analyst (the token is in the fragment, never sent to a server):`);
  console.log(`  ${url}#token=${await developmentToken(Role.ANALYST)}`);
  console.log(`Dashboard as a development dashboard client (public aggregates only):`);
  console.log(`  http://localhost:${gatewayPort}/dashboard#token=${await developmentToken(Role.DASHBOARD)}`);
  console.log('Other roles: npm run token -- --help. Ctrl-C stops every process.');
}
