import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway, type RunningGateway } from '@hub/gateway';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@hub/schema';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { testIdentity, trustedIssuers } from '../support/identity';
import { REPO_ROOT } from '../support/processes';

/** How a shell example ended. */
export interface ShellRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A started hub as the docs describe it (`npm start`'s 10,000 persons, `HUB_SAFELIST=enforce`), and
 * a place to run the docs' shell examples as a user would: a folder that looks like the repository
 * (each top-level entry linked), so `node cli/dist/bin.js` and `npm run token` work and files the
 * examples write land there, and a data folder whose development keys are the test hub's, so
 * `npm run token` mints tokens the hub trusts. A second gateway over the same partners runs every
 * operation (`HUB_SAFELIST=off`), for the examples that say they need it.
 */
export class DocsHub {
  private constructor(
    readonly hub: TestHub,
    private readonly permissive: RunningGateway,
    private readonly root: string,
  ) {}

  static async start(): Promise<DocsHub> {
    const previous = process.env.HUB_SAFELIST;
    process.env.HUB_SAFELIST = 'enforce';
    try {
      const hub = await startHub({ persons: 10000 });
      const root = mkdtempSync(path.join(os.tmpdir(), 'hub-docs-'));
      await writeDevKeys(path.join(root, 'data', 'keys'));
      linkRepository(path.join(root, 'work'));
      return new DocsHub(hub, await startPermissiveGateway(hub), root);
    } finally {
      if (previous === undefined) delete process.env.HUB_SAFELIST;
      else process.env.HUB_SAFELIST = previous;
    }
  }

  private gatewayUrl(safelist: boolean): string {
    return safelist ? this.hub.gatewayUrl : this.permissive.url;
  }

  /** `localhost:4000` in the docs is a test gateway: the enforcing one unless `safelist` is false. */
  localise(text: string, safelist = true): string {
    return text.replaceAll('localhost:4000', new URL(this.gatewayUrl(safelist)).host);
  }

  /** Runs a shell example with bash (`set -euo pipefail`), as a user in the repository would. */
  run(script: string, options: { safelist: boolean; timeoutMs?: number }): Promise<ShellRun> {
    return new Promise((resolve) => {
      const child = spawn('bash', ['-c', `set -euo pipefail\n${this.localise(script, options.safelist)}`], {
        cwd: path.join(this.root, 'work'),
        env: {
          ...process.env,
          HUB_DATA_DIR: path.join(this.root, 'data'),
          HUB_GATEWAY_URL: this.gatewayUrl(options.safelist),
          HUB_TOKEN: '',
        },
        timeout: options.timeoutMs ?? 120_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  async stop(): Promise<void> {
    rmSync(this.root, { recursive: true, force: true });
    await this.permissive.stop();
    await this.hub.stop();
  }
}

async function startPermissiveGateway(hub: TestHub): Promise<RunningGateway> {
  return startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    dashboardSupergraphSdl: readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.values(hub.subgraphs).map((subgraph) => [subgraph.name, subgraph.url])),
    port: 0,
    exampleQuery: exampleQuery('job-line-of-action'),
    trustedIssuers: await trustedIssuers(),
    gatewayPrivateKeyPem: (await testIdentity()).gateway.privateKeyPem,
    safelist: { mode: 'off' },
  });
}

/** The development key files `hub token` reads, holding the key the test hub trusts. */
async function writeDevKeys(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const identity = await testIdentity();
  for (const [name, pair] of [['dev-issuer', identity.issuer], ['gateway', identity.gateway]] as const) {
    writeFileSync(path.join(dir, `${name}.key`), pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(path.join(dir, `${name}.pub`), pair.publicKeyPem);
  }
}

function linkRepository(work: string): void {
  mkdirSync(work);
  for (const entry of readdirSync(REPO_ROOT)) {
    if (entry === '.data' || entry === '.git') continue;
    symlinkSync(path.join(REPO_ROOT, entry), path.join(work, entry));
  }
}
