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
import { Supervisor } from '../supervisor/Supervisor';
import { waitForHealth } from './waitForHealth';

interface StartOptions {
  memory?: boolean;
  persons: number;
}

function portOf(partner: PartnerSpec): number {
  return Number(process.env[`${partner.envPrefix}_PORT`] || partner.defaultPort);
}

/** A token for the links printed at start: development keys only, valid for 8 hours. */
async function developmentToken(role: Role): Promise<string> {
  const keys = await loadOrCreateDevKeys(devKeysDir());
  return mintDevToken(keys.issuer.privateKeyPem, { partner: 'lauritzen-foundation', roles: [role] });
}

/**
 * `hub start`: one process per partner subgraph, then the gateway once they are healthy. A process
 * that dies after it served is restarted with backoff, the gateway included: a crashed gateway
 * restarted in a second costs less than a hub someone must notice is down and start again.
 */
export async function start(options: StartOptions): Promise<void> {
  const supervisor = new Supervisor();
  // Each process's output is prefixed with `label`.
  const launch = (label: string, script: string, env: NodeJS.ProcessEnv) =>
    supervisor.launch({ label, script: path.join(REPO_ROOT, script), env, cwd: REPO_ROOT });
  process.on('SIGINT', () => supervisor.stopAll(0));
  process.on('SIGTERM', () => supervisor.stopAll(0));
  const shared = {
    ...(await prepareDevIdentity()),
    HUB_SEED_PERSONS: String(options.persons),
    ...(options.memory ? { HUB_MEMORY: '1' } : {}),
  };
  await Promise.all(
    PARTNERS.map(async (partner) => {
      const subgraph = launch(partner.name, `subgraphs/${partner.name}/dist/server.js`, shared);
      await waitForHealth(`http://127.0.0.1:${portOf(partner)}/healthz`);
      subgraph.served();
    }),
  );
  const gatewayPort = Number(process.env.GATEWAY_PORT || GATEWAY_DEFAULT_PORT);
  const urls = Object.fromEntries(
    PARTNERS.map((p) => [`${p.envPrefix}_URL`, `http://127.0.0.1:${portOf(p)}/graphql`]),
  );
  const gateway = launch('gateway', 'gateway/dist/server.js', { ...shared, ...urls });
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/healthz`);
  gateway.served();
  const url = `http://localhost:${gatewayPort}/graphql`;
  console.log(`\nThe partner data hub is up: ${url}`);
  console.log(`Sandbox as a development analyst (the token is in the fragment, never sent to a server):`);
  console.log(`  ${url}#token=${await developmentToken(Role.ANALYST)}`);
  console.log(`Dashboard as a development dashboard client (public aggregates only):`);
  console.log(`  http://localhost:${gatewayPort}/dashboard#token=${await developmentToken(Role.DASHBOARD)}`);
  console.log('Other roles: npm run token -- --help. Ctrl-C stops every process.');
}
