import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register of data-sharing agreements under which cohorts cross between partners. */
export class FoundationDataSharingAgreements1767225600360 implements MigrationInterface {
  name = 'FoundationDataSharingAgreements1767225600360';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_sharing_agreement (
        code text PRIMARY KEY,
        provider text NOT NULL REFERENCES partner (code),
        purpose text NOT NULL CHECK (purpose <> ''),
        valid_from date NOT NULL,
        valid_to date NOT NULL CHECK (valid_to >= valid_from)
      )`);
    await runner.query(`
      CREATE TABLE data_sharing_grant (
        agreement_code text NOT NULL REFERENCES data_sharing_agreement (code),
        recipient text NOT NULL REFERENCES partner (code),
        measure text NOT NULL
          CHECK (measure IN ('IN_EDUCATION', 'IN_WORK', 'ON_BENEFITS', 'PART_TIME_JOB', 'CLUB_MEMBER')),
        PRIMARY KEY (agreement_code, recipient, measure)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE data_sharing_grant');
    await runner.query('DROP TABLE data_sharing_agreement');
  }
}
