import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobcentreInitial1767225600300 implements MigrationInterface {
  name = 'JobcentreInitial1767225600300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE citizen (
        pseudonym text PRIMARY KEY CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        birth_year integer NOT NULL,
        municipality_code text NOT NULL REFERENCES area_reference (code),
        district_code text NOT NULL REFERENCES area_reference (code),
        estate_code text REFERENCES area_reference (code)
      )`);
    await runner.query('CREATE INDEX citizen_district_idx ON citizen (district_code, birth_year)');
    await runner.query('CREATE INDEX citizen_estate_idx ON citizen (estate_code, birth_year)');
    for (const [table, kinds] of [
      ['employment_spell', `'PART_TIME_JOB', 'FULL_TIME_JOB'`],
      ['benefit_spell', `'CASH_BENEFIT', 'EDUCATION_BENEFIT', 'UNEMPLOYMENT_BENEFIT'`],
    ]) {
      await runner.query(`
        CREATE TABLE ${table} (
          id serial PRIMARY KEY,
          pseudonym text NOT NULL REFERENCES citizen (pseudonym),
          kind text NOT NULL CHECK (kind IN (${kinds})),
          started_on date NOT NULL,
          ended_on date CHECK (ended_on IS NULL OR ended_on >= started_on)
        )`);
      await runner.query(`CREATE INDEX ${table}_person_idx ON ${table} (pseudonym, kind)`);
    }
    await runner.query(`
      CREATE TABLE placement (
        id serial PRIMARY KEY,
        pseudonym text NOT NULL REFERENCES citizen (pseudonym),
        initiative_code text NOT NULL,
        employer_name text NOT NULL,
        placed_on date NOT NULL
      )`);
    await runner.query('CREATE INDEX placement_initiative_idx ON placement (initiative_code, placed_on)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE placement');
    await runner.query('DROP TABLE benefit_spell');
    await runner.query('DROP TABLE employment_spell');
    await runner.query('DROP TABLE citizen');
  }
}
