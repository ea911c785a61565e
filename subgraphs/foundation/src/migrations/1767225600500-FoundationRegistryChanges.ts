import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry rows the secretariat edits through the graph. */
const VERSIONED_TABLES = ['indicator', 'initiative'];

/**
 * Edits of the registry by the secretariat: a `version` on each editable row (an update names the
 * version it was based on, so two editors cannot overwrite each other unseen), and the append-only
 * `registry_change` log of who changed which row, when, from what to what. Append-only the same way
 * as the audit trail: its statement trigger (`audit_append_only`, core's audit migration) refuses
 * UPDATE, DELETE and TRUNCATE.
 */
export class FoundationRegistryChanges1767225600500 implements MigrationInterface {
  name = 'FoundationRegistryChanges1767225600500';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      await runner.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0)`);
    }
    await runner.query(`
      CREATE TABLE registry_change (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        subject text NOT NULL,
        organisation text NOT NULL,
        table_name text NOT NULL,
        row_key text NOT NULL,
        before jsonb,
        after jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX registry_change_row ON registry_change (table_name, row_key, id)');
    await runner.query(`
      CREATE TRIGGER registry_change_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON registry_change
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    await runner.query('REVOKE UPDATE, DELETE, TRUNCATE ON registry_change FROM PUBLIC');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE registry_change');
    for (const table of VERSIONED_TABLES) await runner.query(`ALTER TABLE ${table} DROP COLUMN version`);
  }
}
