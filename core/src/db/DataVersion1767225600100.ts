import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version of a partner's data: one number, raised by a trigger in the same transaction as
 * every statement that writes the partner's records (seed, import, registry change, migration).
 * A measure computed for one version is the same for every request that reads that version, so
 * it may be served from memory until the next write (`measures/versionedMeasures.ts`).
 */
export class DataVersion1767225600100 implements MigrationInterface {
  name = 'DataVersion1767225600100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE hub_data_version (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        version bigint NOT NULL
      )`);
    await runner.query('INSERT INTO hub_data_version (version) VALUES (1)');
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE hub_data_version SET version = version + 1;
        RETURN NULL;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION hub_bump_data_version() CASCADE');
    await runner.query('DROP TABLE hub_data_version');
  }
}
