import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ImportFileError,
  importCsv,
  NATIONAL_ID_MASK,
  optional,
  prepareDatabase,
  pseudonymise,
  textColumn,
  type Database,
  type ImportOptions,
} from '@hub/core';
import { jobcentre, jobcentreMappings } from '@hub/subgraph-jobcentre';
import { createTestDatabases } from '../support/databases';
import { CPR_SHAPED, EMPLOYMENT_HEADER, goodRows, syntheticCpr, writeExtract } from './extracts';

const KEY = 'a-test-linkage-key-of-at-least-32-characters';
const [employment] = jobcentreMappings;

/** A jobcentre database for one describe: fresh PostgreSQL when CI gives a URL, else PGlite in a temp folder. */
function jobcentreDatabase(options: { seedPersons?: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-import-'));
  let database: Database;
  let drop = async () => {};
  beforeAll(async () => {
    const databases = await createTestDatabases(['jobcentre']);
    drop = databases.drop;
    const url = databases.urls.jobcentre;
    database = await prepareDatabase(jobcentre, {
      databaseUrl: url,
      dataDir: url ? undefined : path.join(dir, 'jobcentre'),
      seedPersons: options.seedPersons,
    });
  });
  afterAll(async () => {
    await database?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    query: <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> =>
      database.dataSource.query(sql, params),
    load: (file: string, more: Partial<ImportOptions> = {}) =>
      importCsv({ mapping: employment, dataSource: database.dataSource, file, linkageKey: KEY, ...more }),
    statements: () => database.statements.total,
  };
}

describe('importing a jobcentre employment extract into a seeded database', () => {
  const db = jobcentreDatabase({ seedPersons: 200 });
  const pseudonymsOf = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => pseudonymise(syntheticCpr(from + k), KEY));

  /** Every row of the three tables an import can touch, in a stable order, with its row version. */
  const snapshot = async () => ({
    citizen: await db.query('SELECT xmin::text, * FROM citizen ORDER BY pseudonym'),
    employment: await db.query('SELECT xmin::text, * FROM employment_spell ORDER BY id'),
    areas: await db.query('SELECT xmin::text, * FROM area_reference ORDER BY code'),
  });

  it('loads a good file: its rows are in SQL under pseudonyms equal to pseudonymise(cpr, key)', async () => {
    const file = writeExtract(db.dir, 'good.csv', [
      `${syntheticCpr(1)},PART_TIME_JOB,2023-03-01,2023-09-30,osterbyen,stengardsvej`,
      `${syntheticCpr(1).replace('-', '')},FULL_TIME_JOB,2024-01-01,,osterbyen,stengardsvej`,
      `${syntheticCpr(2)},PART_TIME_JOB,2021-06-01,,hedelund,hedelundgardparken`,
    ]);
    const result = await db.load(file);
    expect(result).toMatchObject({ outcome: 'loaded', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, errors: [] });
    expect(result.tables).toEqual([
      { table: 'citizen', inserted: 2, updated: 0 },
      { table: 'employment_spell', inserted: 3, updated: 0 },
    ]);
    const [first, second] = [pseudonymise(syntheticCpr(1), KEY), pseudonymise(syntheticCpr(2), KEY)];
    expect(
      await db.query(
        `SELECT pseudonym, kind, started_on::text, ended_on::text FROM employment_spell
         WHERE pseudonym = ANY($1) ORDER BY pseudonym = $2 DESC, started_on`,
        [[first, second], first],
      ),
    ).toEqual([
      { pseudonym: first, kind: 'PART_TIME_JOB', started_on: '2023-03-01', ended_on: '2023-09-30' },
      { pseudonym: first, kind: 'FULL_TIME_JOB', started_on: '2024-01-01', ended_on: null },
      { pseudonym: second, kind: 'PART_TIME_JOB', started_on: '2021-06-01', ended_on: null },
    ]);
    expect(
      await db.query('SELECT * FROM citizen WHERE pseudonym = ANY($1) ORDER BY pseudonym = $2 DESC', [
        [first, second],
        first,
      ]),
    ).toEqual([
      {
        pseudonym: first,
        birth_year: 2001,
        municipality_code: 'esbjerg',
        district_code: 'osterbyen',
        estate_code: 'stengardsvej',
      },
      {
        pseudonym: second,
        birth_year: 2002,
        municipality_code: 'esbjerg',
        district_code: 'hedelund',
        estate_code: 'hedelundgardparken',
      },
    ]);
  });

  it('leaves no national ID in any column of any table', async () => {
    const file = writeExtract(db.dir, 'scan.csv', goodRows(100, 50));
    await db.load(file);
    const ids = Array.from({ length: 50 }, (_, k) => syntheticCpr(100 + k));
    const columns = await db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ count }] = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${table}"
         WHERE "${column}" ~ $1 OR "${column}" LIKE ANY ($2)`,
        [CPR_SHAPED.source, [...ids, ...ids.map((id) => id.replace('-', ''))].map((id) => `%${id}%`)],
      );
      if (count > 0) found.push(`${table}.${column}: ${count}`);
    }
    expect(found).toEqual([]);
  });

  it('rejects a file with one bad row whole, naming line, column and reason but not the ID', async () => {
    const badCpr = '310299-1234';
    const before = await snapshot();
    const file = writeExtract(db.dir, 'one-bad.csv', [
      ...goodRows(300, 4),
      `${badCpr},PART_TIME_JOB,2024-01-01,,osterbyen,`,
      ...goodRows(304, 3),
    ]);
    const result = await db.load(file);
    expect(result).toMatchObject({ outcome: 'rejected', rowsRead: 8, rowsLoaded: 0, rowsRejected: 1 });
    expect(result.errors).toEqual([
      { line: 6, column: 'cpr', reason: 'not a national ID: its first six digits are not a date of birth (DDMMYY)' },
    ]);
    expect(JSON.stringify(result)).not.toContain('310299');
    expect(await snapshot()).toEqual(before);
  });

  it('with a rejects file, loads the good rows and writes the bad ones, IDs masked, with their reasons', async () => {
    const rejectsFile = path.join(db.dir, 'rejects.csv');
    const file = writeExtract(db.dir, 'some-bad.csv', [
      ...goodRows(400, 2),
      `${syntheticCpr(402)},part time,2024-02-30,,osterbyen,`,
      `${syntheticCpr(403)},PART_TIME_JOB,2024-05-01,2024-04-01,osterbyen,`,
      `${syntheticCpr(404)},PART_TIME_JOB,2024-05-01,,kvaglund,hedelundgardparken`,
      `${syntheticCpr(405)},PART_TIME_JOB,2024-05-01,,osterbyen`,
      `1${syntheticCpr(406)},PART_TIME_JOB,2024-05-01,,${syntheticCpr(407)},`,
      ...goodRows(410, 1),
    ]);
    const result = await db.load(file, { rejectsFile });
    expect(result).toMatchObject({ outcome: 'loaded-with-rejects', rowsRead: 8, rowsLoaded: 3, rowsRejected: 5 });
    const loaded = await db.query<{ pseudonym: string }>(
      'SELECT pseudonym FROM employment_spell WHERE pseudonym = ANY($1)',
      [[...pseudonymsOf(400, 8), ...pseudonymsOf(410, 1)]],
    );
    expect(loaded.map((row) => row.pseudonym).sort()).toEqual(
      [...pseudonymsOf(400, 2), ...pseudonymsOf(410, 1)].sort(),
    );
    const rejects = readFileSync(rejectsFile, 'utf8');
    expect(rejects.split('\n')).toEqual([
      'line,problems,cpr,kind,started_on,ended_on,district,estate',
      `4,"kind: expected one of PART_TIME_JOB, FULL_TIME_JOB, got ""part time""; started_on: ""2024-02-30"" is not a date in the calendar",${NATIONAL_ID_MASK},part time,2024-02-30,,osterbyen,`,
      `5,ended_on: the job ends (2024-04-01) before it starts (2024-05-01),${NATIONAL_ID_MASK},PART_TIME_JOB,2024-05-01,2024-04-01,osterbyen,`,
      `6,estate: estate hedelundgardparken is not in district kvaglund,${NATIONAL_ID_MASK},PART_TIME_JOB,2024-05-01,,kvaglund,hedelundgardparken`,
      `7,"row: expected 6 fields, found 5",${NATIONAL_ID_MASK},PART_TIME_JOB,2024-05-01,,osterbyen`,
      `8,"cpr: not a national ID: expected DDMMYY-SSSS or DDMMYYSSSS, got 11 digits; district: holds what looks like a national ID; national IDs go in the cpr column only",${NATIONAL_ID_MASK},PART_TIME_JOB,2024-05-01,,${NATIONAL_ID_MASK},`,
      '',
    ]);
    expect(rejects).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('refuses a row whose free-text column holds a national ID, naming line and column, and writes nothing', async () => {
    // A free-text column goes to the graph as it is: a national ID in it would be published.
    const withNote = { ...employment, columns: { ...employment.columns, note: optional(textColumn('a remark')) } };
    const before = await snapshot();
    const file = writeExtract(
      db.dir,
      'note.csv',
      [
        ...goodRows(450, 2).map((row) => `${row},first job`),
        `${syntheticCpr(452)},PART_TIME_JOB,2024-01-01,,osterbyen,,Anna Jensen 170402-4711 homework`,
      ],
      `${EMPLOYMENT_HEADER},note`,
    );
    const result = await db.load(file, { mapping: withNote });
    expect(result).toMatchObject({ outcome: 'rejected', rowsRead: 3, rowsLoaded: 0, rowsRejected: 1 });
    expect(result.errors).toEqual([
      { line: 4, column: 'note', reason: 'holds what looks like a national ID; national IDs go in the cpr column only' },
    ]);
    expect(JSON.stringify(result)).not.toContain('170402');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file that is not UTF-8, naming the first line that is not, and writes nothing', async () => {
    const before = await snapshot();
    const file = writeExtract(db.dir, 'latin1.csv', [
      ...goodRows(460, 2),
      `${syntheticCpr(462)},PART_TIME_JOB,2024-01-01,,østerbyen,`,
      ...goodRows(463, 1),
    ]);
    writeFileSync(file, Buffer.from(readFileSync(file, 'utf8'), 'latin1'));
    const error = await db.load(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^line 4: the file is not UTF-8 text .*iconv -f latin1 -t utf-8/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file with a header but no rows: nothing to load is not a success', async () => {
    const file = writeExtract(db.dir, 'header-only.csv', [], `# mapping: jobcentre/employment v1\n${EMPLOYMENT_HEADER}`);
    await expect(db.load(file)).rejects.toThrow(
      new ImportFileError('line 2: the file has a header line but no rows: nothing to load'),
    );
  });

  it('changes nothing when the same file is loaded twice', async () => {
    const file = writeExtract(db.dir, 'twice.csv', [
      ...goodRows(500, 30),
      `${syntheticCpr(500)},FULL_TIME_JOB,2025-01-01,,osterbyen,`,
    ]);
    const first = await db.load(file);
    expect(first.tables).toEqual([
      { table: 'citizen', inserted: 30, updated: 0 },
      { table: 'employment_spell', inserted: 31, updated: 0 },
    ]);
    const before = await snapshot();
    const again = await db.load(file);
    expect(again).toMatchObject({ outcome: 'loaded', rowsLoaded: 31 });
    expect(again.tables).toEqual([
      { table: 'citizen', inserted: 0, updated: 0 },
      { table: 'employment_spell', inserted: 0, updated: 0 },
    ]);
    // Same rows and the same row versions: the second load did not even rewrite them.
    expect(await snapshot()).toEqual(before);
  });

  it('updates rows in place from a newer extract', async () => {
    const cpr = syntheticCpr(600);
    const pseudonym = pseudonymise(cpr, KEY);
    await db.load(writeExtract(db.dir, 'october.csv', [`${cpr},PART_TIME_JOB,2025-03-01,,osterbyen,stengardsvej`]));
    const [job] = await db.query<{ id: number }>('SELECT id FROM employment_spell WHERE pseudonym = $1', [pseudonym]);
    const newer = await db.load(
      writeExtract(db.dir, 'november.csv', [
        `${cpr},PART_TIME_JOB,2025-03-01,2025-10-31,hedelund,hedelundgardparken`,
        `${cpr},FULL_TIME_JOB,2025-11-01,,hedelund,hedelundgardparken`,
      ]),
    );
    expect(newer.tables).toEqual([
      { table: 'citizen', inserted: 0, updated: 1 },
      { table: 'employment_spell', inserted: 1, updated: 1 },
    ]);
    expect(
      await db.query(
        'SELECT id, kind, started_on::text, ended_on::text FROM employment_spell WHERE pseudonym = $1 ORDER BY started_on',
        [pseudonym],
      ),
    ).toEqual([
      { id: job.id, kind: 'PART_TIME_JOB', started_on: '2025-03-01', ended_on: '2025-10-31' },
      { id: expect.any(Number), kind: 'FULL_TIME_JOB', started_on: '2025-11-01', ended_on: null },
    ]);
    expect(await db.query('SELECT district_code, estate_code FROM citizen WHERE pseudonym = $1', [pseudonym])).toEqual([
      { district_code: 'hedelund', estate_code: 'hedelundgardparken' },
    ]);
  });

  it('writes 2,500 rows with three multi-row statements per table, not one per row', async () => {
    const file = writeExtract(db.dir, 'batches.csv', goodRows(1000, 2500));
    const before = db.statements();
    const result = await db.load(file);
    expect(result.rowsLoaded).toBe(2500);
    // 3 batches (1,000 + 1,000 + 500) × 2 tables, plus: begin, area codes in, area codes out, commit.
    expect(db.statements() - before).toBe(3 * 2 + 4);
  });

  it('reads the mapping named on the first line and refuses a version this hub does not know', async () => {
    const named = writeExtract(
      db.dir,
      'named.csv',
      ['# exported 2026-10-31 (a comment line: skipped)', ...goodRows(700, 2)],
      '# mapping: jobcentre/employment v1\ncpr,kind,started_on,ended_on,district,estate',
    );
    expect((await db.load(named)).rowsLoaded).toBe(2);
    const future = writeExtract(
      db.dir,
      'future.csv',
      goodRows(710, 2),
      '# mapping: jobcentre/employment v9\ncpr,kind,started_on,ended_on,district,estate',
    );
    await expect(db.load(future)).rejects.toThrow(
      new ImportFileError('line 1: the file was written for jobcentre/employment v9, not jobcentre/employment v1'),
    );
  });

  it('reads semicolon-separated files, a byte-order mark and Windows line ends, as spreadsheets write them', async () => {
    const file = path.join(db.dir, 'excel.csv');
    const rows = goodRows(800, 3).map((row) => row.replace(/,/g, ';'));
    writeFileSync(file, `\uFEFFcpr;kind;started_on;ended_on;district;estate\r\n${rows.join('\r\n')}\r\n`);
    expect(await db.load(file)).toMatchObject({ outcome: 'loaded', rowsLoaded: 3 });
  });

  it('names the line of malformed CSV and writes nothing', async () => {
    const before = await snapshot();
    const file = writeExtract(db.dir, 'broken.csv', [
      ...goodRows(900, 2),
      '',
      '# a comment line',
      `"${syntheticCpr(902)},PART_TIME_JOB,2024-01-01,,osterbyen,`,
      ...goodRows(903, 2),
    ]);
    const error = await db.load(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe('line 6: a quoted cell is never closed');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an empty file, a header that lacks a required column, or one that is a row of data, without showing the data', async () => {
    const empty = path.join(db.dir, 'empty.csv');
    writeFileSync(empty, '# mapping: jobcentre/employment v1\n\n');
    await expect(db.load(empty)).rejects.toThrow(
      new ImportFileError('the file is empty: expected a header line naming the columns'),
    );
    const missing = writeExtract(db.dir, 'no-district.csv', goodRows(950, 1), 'cpr,kind,started_on,ended_on');
    await expect(db.load(missing)).rejects.toThrow(
      /^line 1: the header does not match jobcentre\/employment v1 \(missing district\)/,
    );
    const headless = writeExtract(db.dir, 'headless.csv', goodRows(951, 1), goodRows(952, 1)[0]);
    const error = await db.load(headless).catch((e: Error) => e);
    expect(String(error)).toContain(`unknown "${NATIONAL_ID_MASK}"`);
    expect(String(error)).not.toMatch(/\d{6}-?\d{4}/);
  });
});

describe('importing into a fresh, unseeded jobcentre database', () => {
  const db = jobcentreDatabase({});

  it('adds the public area codes the rows refer to, then loads the file', async () => {
    expect(await db.query('SELECT count(*)::int AS n FROM area_reference')).toEqual([{ n: 0 }]);
    const result = await db.load(writeExtract(db.dir, 'first.csv', goodRows(1, 10)));
    expect(result).toMatchObject({ outcome: 'loaded', rowsLoaded: 10 });
    expect(await db.query(`SELECT kind FROM area_reference WHERE code = 'osterbyen'`)).toEqual([{ kind: 'DISTRICT' }]);
    expect(await db.query('SELECT count(*)::int AS n FROM employment_spell')).toEqual([{ n: 10 }]);
  });

  it('rolls everything back on a dry run', async () => {
    const result = await db.load(writeExtract(db.dir, 'dry.csv', goodRows(20, 5)), { dryRun: true });
    expect(result).toMatchObject({ outcome: 'checked', rowsRead: 5, rowsLoaded: 5 });
    expect(await db.query('SELECT count(*)::int AS n FROM employment_spell')).toEqual([{ n: 10 }]);
  });
});
