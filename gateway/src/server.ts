import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_DEFAULT_PORT, PARTNERS } from '@hub/core';
import { startGateway } from './startGateway';

const SCHEMA_DIR = path.resolve(__dirname, '../../schema');

/** Gateway settings from the environment: `GATEWAY_PORT`, `HUB_HOST`, `<PREFIX>_URL` per partner. */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const subgraphUrls: Record<string, string> = {};
  for (const partner of PARTNERS) {
    const url = env[`${partner.envPrefix}_URL`];
    if (url) subgraphUrls[partner.name] = url;
  }
  return {
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
    exampleQuery: readFileSync(path.join(SCHEMA_DIR, 'examples/job-line-of-action.graphql'), 'utf8'),
    subgraphUrls,
    port: env.GATEWAY_PORT ? Number(env.GATEWAY_PORT) : GATEWAY_DEFAULT_PORT,
    host: env.HUB_HOST || '127.0.0.1',
  };
}

async function main(): Promise<void> {
  const gateway = await startGateway(gatewayOptionsFromEnv());
  console.log(`gateway ready at ${gateway.url}`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) void main();
