import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_DEFAULT_PORT, PARTNERS, WORKSPACE_ROOT, type TrustedIssuer } from '@hub/core';
import { gatewayWorkersFromEnv, runClustered, type WorkerPlan } from './cluster';
import { answerWhileStarting, reportForAllWorkers } from './workers/wholeGateway';
import { startGateway, type RunningGateway } from './startGateway';

const SCHEMA_DIR = path.join(WORKSPACE_ROOT, 'schema');

function readRequired(env: NodeJS.ProcessEnv, variable: string): string {
  const file = env[variable];
  if (!file) throw new Error(`${variable} is not set (see docs/reference/configuration.md).`);
  return readFileSync(file, 'utf8');
}

/**
 * Gateway settings from the environment: `GATEWAY_PORT`, `HUB_HOST`, `<PREFIX>_URL` per partner,
 * `HUB_TRUSTED_ISSUERS_FILE` (JSON list of trusted issuers), `HUB_GATEWAY_PRIVATE_KEY_FILE`.
 */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const subgraphUrls: Record<string, string> = {};
  for (const partner of PARTNERS) {
    const url = env[`${partner.envPrefix}_URL`];
    if (url) subgraphUrls[partner.name] = url;
  }
  return {
    trustedIssuers: JSON.parse(readRequired(env, 'HUB_TRUSTED_ISSUERS_FILE')) as TrustedIssuer[],
    gatewayPrivateKeyPem: readRequired(env, 'HUB_GATEWAY_PRIVATE_KEY_FILE'),
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    dashboardSupergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.dashboard.graphql'), 'utf8'),
    exampleQuery: readFileSync(path.join(SCHEMA_DIR, 'examples/job-line-of-action.graphql'), 'utf8'),
    subgraphUrls,
    port: env.GATEWAY_PORT ? Number(env.GATEWAY_PORT) : GATEWAY_DEFAULT_PORT,
    host: env.HUB_HOST || '127.0.0.1',
  };
}

/** One serving process: the whole gateway, stopped cleanly (once) on SIGTERM or SIGINT. */
async function serve(): Promise<void> {
  if (cluster.isWorker) answerWhileStarting();
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(gatewayOptionsFromEnv());
  } catch (error) {
    console.error(`gateway could not start: ${String(error)}`);
    process.exit(1);
  }
  console.log(`gateway ready at ${gateway.url}${cluster.isWorker ? ` (worker ${process.pid})` : ''}`);
  // Under Ctrl-C a worker gets SIGINT from the terminal and SIGTERM from the primary.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= gateway.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function main(): void {
  let plan: WorkerPlan;
  try {
    plan = gatewayWorkersFromEnv();
  } catch (error) {
    console.error(`gateway could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (plan.workers > 0 && cluster.isPrimary) reportForAllWorkers();
  runClustered(plan, serve);
}

if (require.main === module) main();
