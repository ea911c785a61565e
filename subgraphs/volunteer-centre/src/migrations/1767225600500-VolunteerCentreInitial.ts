import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteerCentreInitial1767225600500 implements MigrationInterface {
  name = 'VolunteerCentreInitial1767225600500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE club (
        code text PRIMARY KEY,
        name text NOT NULL,
        activity text NOT NULL,
        line_of_action text NOT NULL
          CHECK (line_of_action IN ('HEALTH', 'CULTURE_LEISURE', 'LEARNING', 'JOB')),
        district_code text NOT NULL REFERENCES area_reference (code)
      )`);
    await runner.query('CREATE INDEX club_line_idx ON club (line_of_action, code)');
    await runner.query('CREATE INDEX club_district_idx ON club (district_code, code)');
    await runner.query(`
      CREATE TABLE membership (
        id serial PRIMARY KEY,
        pseudonym text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        birth_year integer NOT NULL,
        municipality_code text NOT NULL REFERENCES area_reference (code),
        district_code text NOT NULL REFERENCES area_reference (code),
        estate_code text REFERENCES area_reference (code),
        club_code text NOT NULL REFERENCES club (code),
        started_on date NOT NULL,
        ended_on date CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await runner.query('CREATE INDEX membership_person_idx ON membership (pseudonym, started_on)');
    await runner.query('CREATE INDEX membership_club_idx ON membership (club_code, started_on)');
    await runner.query('CREATE INDEX membership_district_idx ON membership (district_code, birth_year)');
    await runner.query('CREATE INDEX membership_estate_idx ON membership (estate_code, birth_year)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE membership');
    await runner.query('DROP TABLE club');
  }
}
