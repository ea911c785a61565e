import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FoundationInitial1767225600100 implements MigrationInterface {
  name = 'FoundationInitial1767225600100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        governance_role text NOT NULL
          CHECK (governance_role IN ('PARTNER_GROUP', 'STEERING_GROUP', 'ACTIVITY_PARTNER')),
        joined_on date NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE line_of_action (
        code text PRIMARY KEY CHECK (code IN ('HEALTH', 'CULTURE_LEISURE', 'LEARNING', 'JOB')),
        name text NOT NULL,
        description text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE initiative (
        code text PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        line_of_action text NOT NULL REFERENCES line_of_action (code),
        age_band text NOT NULL,
        area_code text NOT NULL REFERENCES area_reference (code),
        started_on date NOT NULL,
        ended_on date CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await runner.query('CREATE INDEX initiative_line_idx ON initiative (line_of_action, code)');
    await runner.query(`
      CREATE TABLE initiative_partner (
        initiative_code text NOT NULL REFERENCES initiative (code),
        partner_code text NOT NULL REFERENCES partner (code),
        position integer NOT NULL CHECK (position >= 0),
        PRIMARY KEY (initiative_code, partner_code)
      )`);
    await runner.query('CREATE INDEX initiative_partner_partner_idx ON initiative_partner (partner_code)');
    await runner.query(`
      CREATE TABLE grant_award (
        code text PRIMARY KEY,
        initiative_code text NOT NULL REFERENCES initiative (code),
        grantor_code text NOT NULL REFERENCES partner (code),
        amount_dkk numeric(14, 2) NOT NULL CHECK (amount_dkk > 0),
        awarded_on date NOT NULL
      )`);
    await runner.query('CREATE INDEX grant_award_initiative_idx ON grant_award (initiative_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE grant_award');
    await runner.query('DROP TABLE initiative_partner');
    await runner.query('DROP TABLE initiative');
    await runner.query('DROP TABLE line_of_action');
    await runner.query('DROP TABLE partner');
  }
}
