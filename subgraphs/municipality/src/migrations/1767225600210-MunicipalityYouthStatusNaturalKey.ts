import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A youth status spell is one person's status from one start date (a person has one status at a
 * time): `hub import` upserts youth-status extracts on this key, so loading a file twice changes
 * nothing and a newer extract updates the status or end date in place.
 */
export class MunicipalityYouthStatusNaturalKey1767225600210 implements MigrationInterface {
  name = 'MunicipalityYouthStatusNaturalKey1767225600210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE youth_status_spell
        ADD CONSTRAINT youth_status_spell_natural_key UNIQUE (pseudonym, started_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE youth_status_spell DROP CONSTRAINT youth_status_spell_natural_key');
  }
}
