import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every partner's log of cohorts crossing to or from it under data-sharing agreements, in its own
 * database: a provider's row says it released N persons of a cohort definition to a recipient
 * under an agreement; a recipient's row says it answered measures on a cohort of N persons under
 * an agreement. The pseudonyms themselves are never written, here or anywhere else. Append-only,
 * with the trigger function of the audit trail (`AuditTables1767225600050` runs first).
 */
export class CohortAudit1767225600350 implements MigrationInterface {
  name = 'CohortAudit1767225600350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cohort_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        subject text NOT NULL,
        partner text NOT NULL,
        role text NOT NULL,
        purpose text,
        operation_name text,
        action text NOT NULL CHECK (action IN ('RELEASED', 'ANSWERED')),
        cohort text NOT NULL,
        agreement text NOT NULL,
        counterpart text NOT NULL,
        measures text[] NOT NULL,
        persons integer NOT NULL CHECK (persons >= 0)
      )`);
    await runner.query(`
      CREATE TRIGGER cohort_audit_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON cohort_audit
        FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`);
    await runner.query('REVOKE UPDATE, DELETE, TRUNCATE ON cohort_audit FROM PUBLIC');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cohort_audit');
  }
}
