import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS, prepareDatabase, pseudonymise, type Database } from '@hub/core';
import { jobcentre } from '@hub/subgraph-jobcentre';
import { createTestDatabases } from '../support/databases';
import { EMPLOYMENT_HEADER, goodRows, syntheticCpr, writeExtract } from './extracts';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const KEY = 'the-alliance-linkage-key-for-the-cli-test';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('`hub import jobcentre <file>` (the real command)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-import-cli-'));
  const dataDir = path.join(dir, 'data');
  let url: string | undefined;
  let drop = async () => {};

  beforeAll(async () => {
    const databases = await createTestDatabases(['jobcentre']);
    url = databases.urls.jobcentre;
    drop = databases.drop;
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The partner's database as the command finds it: HUB_DATA_DIR, or a fresh PostgreSQL database in CI. */
  function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const base: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, HUB_LINKAGE_KEY: KEY, ...extra };
    for (const partner of PARTNERS) delete base[`${partner.envPrefix}_DATABASE_URL`];
    delete base.HUB_MEMORY;
    if (url) base.JOBCENTRE_DATABASE_URL = url;
    return base;
  }

  function hubImport(args: string[], extra?: NodeJS.ProcessEnv): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['cli/dist/bin.js', 'import', ...args],
        { cwd: REPO_ROOT, env: env(extra) },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  }

  async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
    const database = await prepareDatabase(jobcentre, {
      databaseUrl: url,
      dataDir: url ? undefined : path.join(dataDir, 'jobcentre'),
    });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  }

  const spells = (pseudonyms: string[]) =>
    withDatabase(async (database) => {
      const [{ n }] = await database.dataSource.query(
        'SELECT count(*)::int AS n FROM employment_spell WHERE pseudonym = ANY($1)',
        [pseudonyms],
      );
      return n as number;
    });

  it('loads a good file with the key from HUB_LINKAGE_KEY, exits 0 and prints a summary', async () => {
    const file = writeExtract(dir, 'good.csv', goodRows(0, 20));
    const run = await hubImport(['jobcentre', file]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(
      /^jobcentre\/employment v1: 20 rows read, 20 loaded, 0 rejected in [\d.]+ s \([\d,]+ rows\/s\)\n/,
    );
    expect(run.stdout).toContain('citizen: 20 new, 0 changed; employment_spell: 20 new, 0 changed');
    expect(run.stderr).not.toContain('\r'); // no progress line when stderr is not a terminal
    const pseudonyms = Array.from({ length: 20 }, (_, k) => pseudonymise(syntheticCpr(k), KEY));
    expect(await spells(pseudonyms)).toBe(20);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('exits 1 on a bad row, names its line, column and reason, never the ID, and writes nothing', async () => {
    const badCpr = '320105-5555';
    const file = writeExtract(dir, 'bad.csv', [...goodRows(100, 3), `${badCpr},PART_TIME_JOB,2024-01-01,,osterbyen,`]);
    const run = await hubImport(['jobcentre', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file} line 5, column cpr: not a national ID: its first six digits are not a date of birth (DDMMYY)`,
    );
    expect(run.stdout).toContain('4 rows read, 0 loaded, 1 rejected');
    expect(`${run.stdout}${run.stderr}`).not.toContain('320105');
    expect(await spells(Array.from({ length: 3 }, (_, k) => pseudonymise(syntheticCpr(100 + k), KEY)))).toBe(0);
  });

  it('exits 3 with --rejects: the good rows loaded, the bad one written masked', async () => {
    const rejects = path.join(dir, 'bad.rejects.csv');
    const file = writeExtract(dir, 'some-bad.csv', [
      ...goodRows(200, 3),
      `${syntheticCpr(203)},PART_TIME_JOB,2024-13-01,,osterbyen,`,
    ]);
    const run = await hubImport(['jobcentre', file, '--rejects', rejects]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('4 rows read, 3 loaded, 1 rejected');
    expect(readFileSync(rejects, 'utf8')).toBe(
      'line,problems,cpr,kind,started_on,ended_on,district,estate\n' +
        '5,"started_on: ""2024-13-01"" is not a date in the calendar",******-****,PART_TIME_JOB,2024-13-01,,osterbyen,\n',
    );
  });

  it('exits 2 without a linkage key, and with --dev-linkage-key uses the development key', async () => {
    const file = writeExtract(dir, 'dev.csv', goodRows(300, 2));
    const refused = await hubImport(['jobcentre', file], { HUB_LINKAGE_KEY: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('HUB_LINKAGE_KEY is not set');
    const dev = await hubImport(['jobcentre', file, '--dev-linkage-key'], { HUB_LINKAGE_KEY: '' });
    expect(dev.code).toBe(0);
    expect(dev.stderr).toContain('public development linkage key');
  });

  it('exits 2 on wrong usage and explains --help', async () => {
    const run = await hubImport(['jobcentre']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: missing required argument 'file'");
    const help = await hubImport(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Arguments:[\s\S]*Options:[\s\S]*Mappings[\s\S]*Examples:[\s\S]*Exit codes:/);
  });

  it("exits 2 while the partner's embedded database is open in another process", async () => {
    if (url) return; // PostgreSQL takes many sessions: nothing to refuse
    const file = writeExtract(dir, 'busy.csv', goodRows(400, 1));
    await withDatabase(async () => {
      const run = await hubImport(['jobcentre', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('embedded database');
      expect(run.stderr).toContain('is in use');
    });
    expect(existsSync(path.join(dataDir, 'jobcentre', 'postmaster.pid'))).toBe(false);
  });

  const pseudonymsOf = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => pseudonymise(syntheticCpr(from + k), KEY));

  it('exits 1 on a national ID in another column than cpr, naming line and column, never the ID, and writes nothing', async () => {
    const file = writeExtract(dir, 'shifted.csv', [
      ...goodRows(500, 2),
      `${syntheticCpr(502)},PART_TIME_JOB,2024-01-01,,osterbyen,Anna Jensen 170402-4711 homework`,
    ]);
    const run = await hubImport(['jobcentre', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file} line 4, column estate: holds what looks like a national ID; national IDs go in the cpr column only`,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain('170402');
    expect(await spells(pseudonymsOf(500, 2))).toBe(0);
  });

  it('exits 2 before loading anything when --rejects names a directory', async () => {
    const rejects = path.join(dir, 'rejects-folder');
    mkdirSync(rejects);
    const file = writeExtract(dir, 'rejects-to-folder.csv', [...goodRows(510, 2), `${syntheticCpr(512)},PART_TIME_JOB,2024-13-01,,osterbyen,`]);
    const run = await hubImport(['jobcentre', file, '--rejects', rejects]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`hub import: --rejects: ${rejects} is a directory; name a file in it, e.g. ${path.join(rejects, 'rejects-to-folder.rejects.csv')}`);
    expect(run.stdout).toBe('');
    expect(await spells(pseudonymsOf(510, 2))).toBe(0);
  });

  it('exits 2 when --rejects names a file in a folder that is a file', async () => {
    const file = writeExtract(dir, 'rejects-under-file.csv', goodRows(515, 1));
    const run = await hubImport(['jobcentre', file, '--rejects', path.join(file, 'rejects.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`hub import: --rejects: ${file} is not a folder`);
    expect(await spells(pseudonymsOf(515, 1))).toBe(0);
  });

  it('exits 1 on a file that is not UTF-8, naming the line and how to convert it, and writes nothing', async () => {
    const file = path.join(dir, 'latin1.csv');
    const text = [EMPLOYMENT_HEADER, ...goodRows(520, 2), `${syntheticCpr(522)},PART_TIME_JOB,2024-01-01,,østerbyen,`, ''];
    writeFileSync(file, Buffer.from(text.join('\n'), 'latin1'));
    const run = await hubImport(['jobcentre', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} line 4: the file is not UTF-8 text`);
    expect(run.stderr).toContain(`iconv -f latin1 -t utf-8 ${file} > `);
    expect(await spells(pseudonymsOf(520, 2))).toBe(0);
  });

  it('exits 2 when the file is a directory, and says so', async () => {
    const run = await hubImport(['jobcentre', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`hub import: ${dir} is a directory; expected a CSV file`);
  });

  it('exits 1 on a file with a header but no rows', async () => {
    const file = writeExtract(dir, 'header-only.csv', []);
    const run = await hubImport(['jobcentre', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} line 1: the file has a header line but no rows: nothing to load; nothing was written`);
  });

  it('removes the data folder a failed first import created, and keeps one that was there', async () => {
    if (url) return; // PostgreSQL: the database is the partner's, not made by the import
    const fresh = path.join(dir, 'fresh-data');
    const file = writeExtract(dir, 'first-bad.csv', [...goodRows(530, 2), `${syntheticCpr(532)},PART_TIME_JOB,2024-13-01,,osterbyen,`]);
    const failed = await hubImport(['jobcentre', file], { HUB_DATA_DIR: fresh });
    expect(failed.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    const dry = await hubImport(['jobcentre', writeExtract(dir, 'first-dry.csv', goodRows(533, 1)), '--dry-run'], { HUB_DATA_DIR: fresh });
    expect(dry.code).toBe(0);
    expect(existsSync(fresh)).toBe(false);
    // The shared folder of the other tests exists already: a failed import leaves it alone.
    expect((await hubImport(['jobcentre', file])).code).toBe(1);
    expect(existsSync(path.join(dataDir, 'jobcentre'))).toBe(true);
  });
});
