import type { DataSource } from 'typeorm';

/**
 * Tables whose writes do not change any measure: the audit trails (written on reads, so counting
 * them would make every person-level look a new version), the version itself, the migrations log.
 */
const UNVERSIONED_TABLES = ['hub_data_version', 'migrations', 'audit_record', 'audit_person', 'cohort_audit'];

/**
 * Puts the version trigger on every table of the partner's schema but those above, including
 * tables a later migration added. Idempotent (CREATE OR REPLACE), run after the migrations.
 */
export async function attachDataVersionTriggers(db: DataSource): Promise<void> {
  const tables: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename`,
    [UNVERSIONED_TABLES],
  );
  for (const { name } of tables) {
    await db.query(
      `CREATE OR REPLACE TRIGGER hub_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${name}"
       FOR EACH STATEMENT EXECUTE FUNCTION hub_bump_data_version()`,
    );
  }
}

/**
 * The current version of the partner's data, `<origin>.<number>` (one single-row read): the
 * database's origin makes it unique across resets, not only between two writes.
 */
export async function readDataVersion(db: DataSource): Promise<string> {
  const [{ version }] = await db.query(`SELECT origin || '.' || version AS version FROM hub_data_version`);
  return version as string;
}
