import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job is one person's spell of one kind from one start date: `hub import` upserts employment
 * extracts on this key, so loading a file twice changes nothing and a newer extract updates
 * the end dates in place.
 */
export class JobcentreEmploymentNaturalKey1767225600310 implements MigrationInterface {
  name = 'JobcentreEmploymentNaturalKey1767225600310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE employment_spell
        ADD CONSTRAINT employment_spell_natural_key UNIQUE (pseudonym, kind, started_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE employment_spell DROP CONSTRAINT employment_spell_natural_key');
  }
}
