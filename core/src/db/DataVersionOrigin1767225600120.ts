import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a partner's version numbers are counted: a random id the database gets when it is made
 * (again after a reset). Version 7 of one database and version 7 of the same partner's database
 * after a reset hold different data; a cache that outlives either (the gateway's, in Redis) tells
 * them apart by this origin.
 */
export class DataVersionOrigin1767225600120 implements MigrationInterface {
  name = 'DataVersionOrigin1767225600120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE hub_data_version ADD COLUMN origin text NOT NULL DEFAULT gen_random_uuid()::text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE hub_data_version DROP COLUMN origin');
  }
}
