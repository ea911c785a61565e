import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every subgraph's audit trail of person-level reads, in the partner's own database: one
 * `audit_record` per request that read person-level data, one `audit_person` row per person it
 * read, so a data subject's accesses can be listed (EU Court of Justice, C-579/21).
 *
 * Append-only: a statement trigger refuses UPDATE, DELETE and TRUNCATE on both tables, for every
 * role including the owner. In production the application role is not the tables' owner, so it
 * can neither disable the trigger nor drop the tables; the REVOKEs below say the same in SQL
 * (PUBLIC holds none of these privileges by default).
 */
export class AuditTables1767225600050 implements MigrationInterface {
  name = 'AuditTables1767225600050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_record (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        subject text NOT NULL,
        partner text NOT NULL,
        role text NOT NULL,
        purpose text,
        operation_name text,
        fields text[] NOT NULL,
        persons integer NOT NULL CHECK (persons >= 0)
      )`);
    await runner.query(`
      CREATE TABLE audit_person (
        audit_id bigint NOT NULL REFERENCES audit_record (id),
        pseudonym text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        PRIMARY KEY (audit_id, pseudonym)
      )`);
    // A data subject's accesses, newest first: the index carries the order too.
    await runner.query('CREATE INDEX audit_person_pseudonym ON audit_person (pseudonym, audit_id)');
    await runner.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The audit trail is append-only: % on % is refused.', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Audit records can only be added, never changed or removed.';
      END
      $$`);
    for (const table of ['audit_record', 'audit_person']) {
      // FOR EACH STATEMENT: refused even when no row matches, and TRUNCATE has no rows to fire on.
      await runner.query(`
        CREATE TRIGGER ${table}_append_only
          BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
      await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_person');
    await runner.query('DROP TABLE audit_record');
    await runner.query('DROP FUNCTION audit_append_only()');
  }
}
