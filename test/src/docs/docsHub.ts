import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PATIENT_PARTNERS, withEnv } from '../support/env';
import { startHub, type TestHub } from '../support/hub';
import { testIdentity } from '../support/identity';
import { REPO_ROOT } from '../support/processes';

/** The safelist the docs promise, and patient partners (support/env.ts). */
const DOCS_HUB_ENV: Record<string, string> = { HUB_SAFELIST: 'enforce', ...PATIENT_PARTNERS };

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
 * `npm run token` mints tokens the hub trusts.
 */
export class DocsHub {
  private constructor(
    readonly hub: TestHub,
    private readonly root: string,
  ) {}

  static async start(): Promise<DocsHub> {
    const hub = await withEnv(DOCS_HUB_ENV, () => startHub({ persons: 10000 }));
    const root = mkdtempSync(path.join(os.tmpdir(), 'hub-docs-'));
    await writeDevKeys(path.join(root, 'data', 'keys'));
    linkRepository(path.join(root, 'work'));
    return new DocsHub(hub, root);
  }

  /** `localhost:4000` in the docs is the test hub's gateway. */
  localise(text: string): string {
    return text.replaceAll('localhost:4000', new URL(this.hub.gatewayUrl).host);
  }

  /** Runs a shell example with bash (`set -euo pipefail`), as a user in the repository would. */
  run(script: string, options: { timeoutMs?: number } = {}): Promise<ShellRun> {
    return new Promise((resolve) => {
      const child = spawn('bash', ['-c', `set -euo pipefail\n${this.localise(script)}`], {
        cwd: path.join(this.root, 'work'),
        env: {
          ...process.env,
          HUB_DATA_DIR: path.join(this.root, 'data'),
          HUB_GATEWAY_URL: this.hub.gatewayUrl,
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
    await this.hub.stop();
  }
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
