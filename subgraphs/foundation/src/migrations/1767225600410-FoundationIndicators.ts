import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The alliance's indicator definitions; their values stay with the owning partners. */
export class FoundationIndicators1767225600410 implements MigrationInterface {
  name = 'FoundationIndicators1767225600410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE indicator (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        line_of_action text NOT NULL REFERENCES line_of_action (code),
        owner_code text NOT NULL REFERENCES partner (code),
        measure text NOT NULL,
        age_band text NOT NULL,
        area_code text NOT NULL REFERENCES area_reference (code),
        comparison_area_code text REFERENCES area_reference (code) CHECK (comparison_area_code <> area_code),
        direction text NOT NULL CHECK (direction IN ('UP', 'DOWN')),
        baseline_on date NOT NULL,
        baseline_value numeric NOT NULL,
        target_on date NOT NULL CHECK (target_on > baseline_on),
        target_value numeric NOT NULL,
        -- A target lies in the good direction from the baseline, so progress is always defined.
        CHECK (CASE direction WHEN 'UP' THEN target_value > baseline_value ELSE target_value < baseline_value END)
      )`);
    await runner.query('CREATE INDEX indicator_line_idx ON indicator (line_of_action, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE indicator');
  }
}
