import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  importCsv,
  partnerSpec,
  prepareDatabase,
  pseudonymise,
  type Database,
  type ImportMapping,
  type ImportOptions,
  type ImportResult,
  type PartnerName,
  type RowError,
  type SubgraphDefinition,
} from '@hub/core';
import { runCli } from '../support/cli';
import { createTestDatabases } from '../support/databases';
import { REPO_ROOT } from '../support/processes';
import { CPR_SHAPED, syntheticCpr, writeExtract } from './extracts';

/** The linkage key of the partners' import tests (any key of 32 characters or more). */
export const KEY = 'a-test-linkage-key-for-the-partner-imports';

/** The pseudonym `hub import` gives the synthetic national ID number `i` with the tests' key. */
export const pseudonymOf = (i: number): string => pseudonymise(syntheticCpr(i), KEY);

type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A partner's own database for one test file, and a folder for the extracts written there. */
export interface PartnerDatabase {
  readonly dir: string;
  query: Query;
  load(mapping: ImportMapping, file: string, more?: Partial<ImportOptions>): Promise<ImportResult>;
}

/**
 * A migrated partner database, seeded with a few persons, for the tests of one file: a fresh
 * PostgreSQL database when CI gives a URL, else PGlite in a temporary folder; removed afterwards.
 */
export function partnerDatabase<L>(definition: SubgraphDefinition<L>, seedPersons = 200): PartnerDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), `hub-import-${definition.name}-`));
  let database: Database | undefined;
  let drop = async () => {};
  beforeAll(async () => {
    const databases = await createTestDatabases([definition.name]);
    drop = databases.drop;
    const url = databases.urls[definition.name];
    database = await prepareDatabase(definition, {
      databaseUrl: url,
      dataDir: url ? undefined : path.join(dir, definition.name),
      seedPersons,
    });
  });
  afterAll(async () => {
    await database?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const dataSource = () => {
    if (!database) throw new Error('the database is opened in beforeAll: use it inside a test');
    return database.dataSource;
  };
  return {
    dir,
    query: (sql, params) => dataSource().query(sql, params),
    load: (mapping, file, more = {}) => importCsv({ mapping, dataSource: dataSource(), file, linkageKey: KEY, ...more }),
  };
}

/** One extract kind's tests: a good file, a bad row, a reference to a record not loaded. */
export interface DatasetCase {
  mapping: ImportMapping;
  /** Good rows (CSV lines under the mapping's columns in declared order), all new to the seeded database. */
  good: string[];
  /** Rows new and changed per table when `good` is loaded the first time, in the mapping's order. */
  written: ImportResult['tables'];
  /** A query whose rows show the good file in the partner's tables, and those rows. */
  visible: { sql: string; params?: unknown[]; rows: Record<string, unknown>[] };
  /** A bad row, put after the good ones (so on line `good.length + 2`), and its one problem. */
  bad: { row: string; problem: Omit<RowError, 'line'> };
  /** A good-looking row that refers to a record of another table that is not there. */
  dangling?: string;
}

const headerOf = (mapping: ImportMapping) => Object.keys(mapping.columns).join(',');

/**
 * Every row of the mapping's tables with its row version, in a stable order: equal snapshots
 * mean nothing was written, not even a row rewritten with the same values.
 */
async function snapshot(db: PartnerDatabase, mapping: ImportMapping): Promise<Record<string, unknown>[][]> {
  return Promise.all(
    mapping.tables.map(({ table }) => db.query(`SELECT xmin::text AS version, t::text AS row FROM "${table}" t ORDER BY 2`)),
  );
}

/** The tests every extract kind passes, as a `describe` named after its mapping. */
export function describeDataset(db: PartnerDatabase, dataset: DatasetCase): void {
  const { mapping } = dataset;
  const extract = (name: string, rows: string[]) => writeExtract(db.dir, `${mapping.name}-${name}.csv`, rows, headerOf(mapping));

  describe(`${mapping.partner}/${mapping.name}`, () => {
    // First, while the good rows are new: a partial write of them would show.
    it('rejects a file with one bad row whole, naming line, column and reason, and writes nothing', async () => {
      const before = await snapshot(db, mapping);
      const rows = [...dataset.good, dataset.bad.row];
      const result = await db.load(mapping, extract('bad', rows));
      expect(result).toMatchObject({ outcome: 'rejected', rowsRead: rows.length, rowsLoaded: 0, rowsRejected: 1 });
      expect(result.errors).toEqual([{ line: rows.length + 1, ...dataset.bad.problem }]);
      expect(await snapshot(db, mapping)).toEqual(before);
    });

    it('loads a good file: every row counted and visible in the tables', async () => {
      const result = await db.load(mapping, extract('good', dataset.good));
      const rows = dataset.good.length;
      expect(result).toMatchObject({ outcome: 'loaded', rowsRead: rows, rowsLoaded: rows, rowsRejected: 0, errors: [] });
      expect(result.tables).toEqual(dataset.written);
      expect(await db.query(dataset.visible.sql, dataset.visible.params)).toEqual(dataset.visible.rows);
    });

    it('changes nothing when the same file is loaded again', async () => {
      const before = await snapshot(db, mapping);
      const again = await db.load(mapping, extract('good', dataset.good));
      expect(again).toMatchObject({ outcome: 'loaded', rowsLoaded: dataset.good.length });
      expect(again.tables).toEqual(mapping.tables.map(({ table }) => ({ table, inserted: 0, updated: 0 })));
      expect(await snapshot(db, mapping)).toEqual(before);
    });

    if (dataset.dangling !== undefined) {
      const dangling = dataset.dangling;
      it('fails the load as a whole on a row referring to a record not loaded, and writes nothing', async () => {
        const before = await snapshot(db, mapping);
        await expect(db.load(mapping, extract('dangling', [dangling]))).rejects.toThrow(/foreign key/);
        expect(await snapshot(db, mapping)).toEqual(before);
      });
    }
  });
}

/**
 * Checks, after the loads declared before it, that no text column of any table holds anything
 * shaped like a national ID.
 */
export function describeNoNationalIdStored(db: PartnerDatabase): void {
  describe('after every load', () => {
    it('leaves no national ID in any text column of any table', async () => {
      const columns = await db.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character')`,
      );
      expect(columns.length).toBeGreaterThan(5);
      const found: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const [{ count }] = await db.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}" ~ $1`,
          [CPR_SHAPED.source],
        );
        if (count > 0) found.push(`${table}.${column}: ${count}`);
      }
      expect(found).toEqual([]);
    });
  });
}

/** The rows of an example file: its lines after the header, without comments and blank lines. */
function exampleRows(file: string): number {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return lines.length - 1;
}

/**
 * Loads the partner's example files (`examples/imports/<partner>/<name>.csv`, in the order given:
 * referenced records first) with the real command into a fresh, unseeded database, as the
 * partner IT guide tells a partner to.
 */
export function describeExamplesThroughCli(partner: PartnerName, names: readonly string[]): void {
  describe(`\`hub import ${partner}\` with the files in examples/imports/${partner}`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `hub-import-cli-${partner}-`));
    const env: NodeJS.ProcessEnv = { HUB_DATA_DIR: dataDir, HUB_LINKAGE_KEY: KEY, HUB_MEMORY: '' };
    let drop = async () => {};
    beforeAll(async () => {
      const databases = await createTestDatabases([partner]);
      drop = databases.drop;
      // Empty on PGlite: the command then uses HUB_DATA_DIR.
      env[`${partnerSpec(partner).envPrefix}_DATABASE_URL`] = databases.urls[partner] ?? '';
    });
    afterAll(async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it.each(names)('loads %s.csv, exit 0, every row', async (name) => {
      const file = path.join(REPO_ROOT, 'examples/imports', partner, `${name}.csv`);
      const rows = exampleRows(file);
      const run = await runCli(['import', partner, file], env);
      expect(run).toMatchObject({ code: 0 });
      expect(run.stdout).toMatch(new RegExp(`^${partner}/${name} v1: ${rows} rows read, ${rows} loaded, 0 rejected`));
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\d{6}-?\d{4}/);
    });
  });
}
