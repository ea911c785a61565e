import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenancy is one person's move into one department on one day: `hub import` upserts tenancy
 * extracts on this key, so loading a file twice changes nothing and a newer extract records the
 * move-out in place.
 */
export class HousingAssociationTenancyNaturalKey1767225600420 implements MigrationInterface {
  name = 'HousingAssociationTenancyNaturalKey1767225600420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE tenancy
        ADD CONSTRAINT tenancy_natural_key UNIQUE (pseudonym, department_code, moved_in_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE tenancy DROP CONSTRAINT tenancy_natural_key');
  }
}
