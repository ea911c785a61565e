import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PARTNERS, startSubgraph } from '@hub/core';
import { foundation } from '@hub/subgraph-foundation';
import { testIdentity } from '../support/identity';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The environment without any partner database URL: the embedded default. */
function embeddedEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir };
  for (const partner of PARTNERS) delete env[`${partner.envPrefix}_DATABASE_URL`];
  return env;
}

describe('the embedded database under the data folder', () => {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'hub-'));
  // Not created beforehand, as on a fresh clone where `.data/` does not exist yet.
  const dataDir = path.join(tempDir, 'data');
  const foundationDir = path.join(dataDir, 'foundation');
  afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

  type Query = (sql: string) => Promise<Record<string, unknown>[]>;

  async function withFoundation<T>(fn: (query: Query) => Promise<T>): Promise<T> {
    const running = await startSubgraph(foundation, {
      port: 0,
      dataDir: foundationDir,
      seedPersons: 200,
      gatewayPublicKeyPem: (await testIdentity()).gateway.publicKeyPem,
    });
    try {
      return await fn((sql) => running.database.dataSource.query(sql));
    } finally {
      await running.stop();
    }
  }

  it('keeps what was written across a restart, and seeds only once', async () => {
    await withFoundation((query) =>
      query(`INSERT INTO partner VALUES ('test-partner', 'Test', 'BUSINESS', 'ACTIVITY_PARTNER', '2026-01-01')`),
    );
    await withFoundation(async (query) => {
      expect(await query(`SELECT name FROM partner WHERE code = 'test-partner'`)).toEqual([{ name: 'Test' }]);
      expect(await query('SELECT persons FROM hub_seed')).toEqual([{ persons: 200 }]);
    });
  });

  it('is emptied, migrated and seeded again by `hub reset`', async () => {
    await promisify(execFile)(process.execPath, ['cli/dist/bin.js', 'reset', '--persons', '300'], {
      cwd: REPO_ROOT,
      env: embeddedEnv(dataDir),
    });
    await withFoundation(async (query) => {
      expect(await query(`SELECT name FROM partner WHERE code = 'test-partner'`)).toEqual([]);
      expect(await query('SELECT persons FROM hub_seed')).toEqual([{ persons: 300 }]);
    });
  });
});
