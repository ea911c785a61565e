import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MunicipalityInitial1767225600200 implements MigrationInterface {
  name = 'MunicipalityInitial1767225600200';

  async up(runner: QueryRunner): Promise<void> {
    // `area_reference` is core's table; here it is the master copy, and `children` looks it up by parent.
    await runner.query('CREATE INDEX area_reference_parent_idx ON area_reference (parent_code, code)');
    await runner.query(`
      CREATE TABLE person (
        pseudonym text PRIMARY KEY CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        birth_year integer NOT NULL,
        municipality_code text NOT NULL REFERENCES area_reference (code),
        district_code text NOT NULL REFERENCES area_reference (code),
        estate_code text REFERENCES area_reference (code)
      )`);
    for (const column of ['municipality_code', 'district_code', 'estate_code']) {
      await runner.query(`CREATE INDEX person_${column}_idx ON person (${column}, birth_year)`);
    }
    await runner.query(`
      CREATE TABLE youth_status_spell (
        id serial PRIMARY KEY,
        pseudonym text NOT NULL REFERENCES person (pseudonym),
        status text NOT NULL CHECK (status IN ('EDUCATION', 'WORK', 'NEITHER')),
        started_on date NOT NULL,
        ended_on date CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await runner.query('CREATE INDEX youth_status_spell_person_idx ON youth_status_spell (pseudonym, started_on)');
    await runner.query(`
      CREATE TABLE school (
        code text PRIMARY KEY,
        name text NOT NULL,
        district_code text NOT NULL REFERENCES area_reference (code)
      )`);
    await runner.query('CREATE INDEX school_district_idx ON school (district_code, code)');
    await runner.query(`
      CREATE TABLE well_being_survey (
        school_code text NOT NULL REFERENCES school (code),
        school_year integer NOT NULL,
        respondents integer NOT NULL CHECK (respondents > 0),
        mean_score numeric(3, 2) NOT NULL CHECK (mean_score BETWEEN 1 AND 5),
        PRIMARY KEY (school_code, school_year)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE well_being_survey');
    await runner.query('DROP TABLE school');
    await runner.query('DROP TABLE youth_status_spell');
    await runner.query('DROP TABLE person');
    await runner.query('DROP INDEX area_reference_parent_idx');
  }
}
