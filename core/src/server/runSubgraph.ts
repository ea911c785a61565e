import { readFileSync } from 'node:fs';
import path from 'node:path';
import { partnerSpec } from '../partners';
import type { RunningSubgraph, SubgraphOptions } from './startSubgraph';
import { startSubgraph } from './startSubgraph';
import type { SubgraphDefinition } from './SubgraphDefinition';

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number, got "${value}"`);
  }
  return parsed;
}

/**
 * A subgraph's settings from the environment (documented in docs/reference/configuration.md):
 * `<PREFIX>_PORT`, `<PREFIX>_DATABASE_URL`, `HUB_HOST`, `HUB_DATA_DIR`, `HUB_MEMORY`,
 * `HUB_SEED_PERSONS`, `HUB_RESET`; and `HUB_GATEWAY_PUBLIC_KEY_FILE` to run. The request log
 * follows `HUB_LOG_LEVEL` (`createLogger`).
 */
export function subgraphOptionsFromEnv(
  name: SubgraphDefinition<unknown>['name'],
  env: NodeJS.ProcessEnv = process.env,
): Omit<SubgraphOptions, 'gatewayPublicKeyPem'> {
  const { envPrefix, defaultPort } = partnerSpec(name);
  const databaseUrl = env[`${envPrefix}_DATABASE_URL`] || undefined;
  const inMemory = env.HUB_MEMORY === '1' || env.HUB_MEMORY === 'true';
  return {
    port: positiveInteger(env[`${envPrefix}_PORT`], `${envPrefix}_PORT`) ?? defaultPort,
    host: env.HUB_HOST || '127.0.0.1',
    databaseUrl,
    dataDir: databaseUrl || inMemory ? undefined : path.resolve(env.HUB_DATA_DIR || '.data', name),
    seedPersons: positiveInteger(env.HUB_SEED_PERSONS, 'HUB_SEED_PERSONS'),
    reset: env.HUB_RESET === '1' || env.HUB_RESET === 'true',
  };
}

function gatewayPublicKey(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.HUB_GATEWAY_PUBLIC_KEY_FILE;
  if (!file) {
    throw new Error('HUB_GATEWAY_PUBLIC_KEY_FILE is not set: a subgraph answers only a gateway whose key it knows.');
  }
  return readFileSync(file, 'utf8');
}

/** Entry point of a subgraph process: start from the environment, stop cleanly on a signal. */
export async function runSubgraph<L>(definition: SubgraphDefinition<L>): Promise<void> {
  const options = subgraphOptionsFromEnv(definition.name);
  let running: RunningSubgraph;
  try {
    running = await startSubgraph(definition, { ...options, gatewayPublicKeyPem: gatewayPublicKey() });
  } catch (error) {
    console.error(`${definition.name} subgraph could not start: ${String(error)}`);
    process.exit(1);
  }
  // Plain text, whatever the log level: the line people and scripts wait for.
  const where = options.databaseUrl ? 'PostgreSQL' : (options.dataDir ?? 'in memory');
  console.log(`${definition.name} subgraph ready at ${running.url} (database: ${where})`);
  // Ctrl-C reaches every process of the group and `hub start` then sends SIGTERM as well: stop
  // once, and keep handling later signals, or their default action would kill the process before
  // the embedded database is closed (leaving its postmaster.pid behind).
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
