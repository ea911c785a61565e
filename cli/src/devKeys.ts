import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { devTrustedIssuers, loadOrCreateDevKeys } from '@hub/core';
import { REPO_ROOT } from './paths';

/** Where development keys live: beside the embedded databases, never in git. */
export function devKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO_ROOT, env.HUB_DATA_DIR || '.data', 'keys');
}

/**
 * Development identity for `hub start`: a key pair standing in for the partners' identity
 * providers, the gateway's own key pair, and the trust file naming one issuer per organisation.
 * @returns the environment variables the gateway and the subgraphs read.
 */
export async function prepareDevIdentity(): Promise<Record<string, string>> {
  const dir = devKeysDir();
  const keys = await loadOrCreateDevKeys(dir);
  const trustFile = path.join(dir, 'trusted-issuers.json');
  writeFileSync(trustFile, JSON.stringify(devTrustedIssuers(keys.issuer.publicKeyPem), null, 2));
  return {
    HUB_TRUSTED_ISSUERS_FILE: trustFile,
    HUB_GATEWAY_PRIVATE_KEY_FILE: path.join(dir, 'gateway.key'),
    HUB_GATEWAY_PUBLIC_KEY_FILE: path.join(dir, 'gateway.pub'),
  };
}
