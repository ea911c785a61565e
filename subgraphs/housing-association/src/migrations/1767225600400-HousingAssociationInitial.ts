import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HousingAssociationInitial1767225600400 implements MigrationInterface {
  name = 'HousingAssociationInitial1767225600400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE department (
        code text PRIMARY KEY,
        estate_code text NOT NULL REFERENCES area_reference (code),
        name text NOT NULL,
        units integer NOT NULL CHECK (units > 0),
        UNIQUE (code, estate_code)
      )`);
    await runner.query('CREATE INDEX department_estate_idx ON department (estate_code, code)');
    // The two-column foreign key keeps a tenancy's estate that of its department.
    await runner.query(`
      CREATE TABLE tenancy (
        id serial PRIMARY KEY,
        pseudonym text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        birth_year integer NOT NULL,
        municipality_code text NOT NULL REFERENCES area_reference (code),
        district_code text NOT NULL REFERENCES area_reference (code),
        estate_code text NOT NULL REFERENCES area_reference (code),
        department_code text NOT NULL,
        unit_number integer NOT NULL CHECK (unit_number > 0),
        moved_in_on date NOT NULL,
        moved_out_on date CHECK (moved_out_on IS NULL OR moved_out_on >= moved_in_on),
        FOREIGN KEY (department_code, estate_code) REFERENCES department (code, estate_code)
      )`);
    await runner.query('CREATE INDEX tenancy_person_idx ON tenancy (pseudonym, moved_in_on)');
    await runner.query('CREATE INDEX tenancy_district_idx ON tenancy (district_code, birth_year)');
    await runner.query('CREATE INDEX tenancy_estate_idx ON tenancy (estate_code, birth_year)');
    await runner.query(`
      CREATE TABLE safety_survey (
        estate_code text NOT NULL REFERENCES area_reference (code),
        year integer NOT NULL,
        respondents integer NOT NULL CHECK (respondents > 0),
        feel_safe_share double precision NOT NULL CHECK (feel_safe_share BETWEEN 0 AND 1),
        PRIMARY KEY (estate_code, year)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE safety_survey');
    await runner.query('DROP TABLE tenancy');
    await runner.query('DROP TABLE department');
  }
}
