import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A membership is one person's membership of one club from one start date: `hub import` upserts
 * membership extracts on this key, so loading a file twice changes nothing and a newer extract
 * records the end in place.
 */
export class VolunteerCentreMembershipNaturalKey1767225600510 implements MigrationInterface {
  name = 'VolunteerCentreMembershipNaturalKey1767225600510';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE membership
        ADD CONSTRAINT membership_natural_key UNIQUE (pseudonym, club_code, started_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE membership DROP CONSTRAINT membership_natural_key');
  }
}
