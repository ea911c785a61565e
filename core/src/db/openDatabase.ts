import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { tracesExported } from '../observability/tracing';
import { SqlStatementCounter } from './SqlStatementCounter';
import { traceStatements } from './traceStatements';

export interface DatabaseOptions {
  /** Label for logs, usually the partner's name. */
  label: string;
  /** A PostgreSQL URL. Without one the subgraph runs on an embedded PGlite. */
  url?: string;
  /** Folder for the embedded database's files; without one it lives in memory only. */
  dataDir?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  migrations: MixedList<Function | string>;
}

export interface Database {
  dataSource: DataSource;
  statements: SqlStatementCounter;
  /** True when this process runs the database itself (PGlite). */
  embedded: boolean;
  close(): Promise<void>;
}

// A DATE column is a calendar day, not an instant: keep PostgreSQL's 'YYYY-MM-DD' text instead of
// pg's default JavaScript Date at local midnight, which the LocalDate scalar refuses and which
// shifts by a day across time zones. Raw-SQL loaders and TypeORM entities then read the same value.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (day: string) => day);

/**
 * Opens a partner's database. The embedded default is PGlite behind its socket server, reached
 * through the ordinary `pg` driver, so real PostgreSQL is only a different URL: same driver, same
 * migrations, same SQL.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.url ? undefined : await startEmbedded(options.dataDir);
  const statements = new SqlStatementCounter(options.label);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url ?? embedded?.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logger: statements,
    // PGlite runs one session: a pool larger than one interleaves prepared statements.
    poolSize: embedded ? 1 : 10,
  });
  // Untouched when traces are off: not even a check per statement.
  if (tracesExported()) traceStatements(dataSource);
  await dataSource.initialize();
  return {
    dataSource,
    statements,
    embedded: Boolean(embedded),
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function startEmbedded(dataDir: string | undefined) {
  // PGlite creates its own folder but not the folders above it (`.data/` on a fresh clone).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Drops everything in the public schema: used by `hub reset` before migrating and reseeding. */
export async function dropAllTables(dataSource: DataSource): Promise<void> {
  await dataSource.query('DROP SCHEMA public CASCADE');
  await dataSource.query('CREATE SCHEMA public');
}
