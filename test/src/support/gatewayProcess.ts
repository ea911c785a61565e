import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { testIdentity, trustedIssuers } from './identity';
import { REPO_ROOT } from './processes';

/** A gateway in its own process, as `hub start`, the Docker image and a Kubernetes pod run it. */
export interface GatewayProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

export function startGatewayProcess(env: NodeJS.ProcessEnv): GatewayProcess {
  const child = spawn(process.execPath, ['gateway/dist/server.js'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Polls the output until `count` lines match `pattern`; fails if the process exits first. */
export async function linesMatching(gateway: GatewayProcess, pattern: RegExp, count: number): Promise<string[]> {
  for (;;) {
    const lines = gateway.output().split('\n').filter((line) => pattern.test(line));
    if (lines.length >= count) return lines;
    if (gateway.child.exitCode !== null) throw new Error(`exited before ${count} × ${pattern}:\n${gateway.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The gateway's key and the trusted issuers of this test process, written to `dir` as the files
 * a gateway process reads (HUB_GATEWAY_PRIVATE_KEY_FILE, HUB_TRUSTED_ISSUERS_FILE).
 */
export async function gatewayKeyFiles(dir: string): Promise<NodeJS.ProcessEnv> {
  const issuers = path.join(dir, 'trusted-issuers.json');
  const key = path.join(dir, 'gateway.key');
  writeFileSync(issuers, JSON.stringify(await trustedIssuers()));
  writeFileSync(key, (await testIdentity()).gateway.privateKeyPem);
  return { HUB_TRUSTED_ISSUERS_FILE: issuers, HUB_GATEWAY_PRIVATE_KEY_FILE: key };
}
