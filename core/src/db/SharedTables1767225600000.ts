import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables every subgraph has: its copy of the area codes, and a record of what seeded it. */
export class SharedTables1767225600000 implements MigrationInterface {
  name = 'SharedTables1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE area_reference (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'DISTRICT', 'ESTATE')),
        parent_code text REFERENCES area_reference (code)
      )`);
    await runner.query(`
      CREATE TABLE hub_seed (
        id serial PRIMARY KEY,
        persons integer NOT NULL CHECK (persons > 0),
        seed text NOT NULL,
        until date NOT NULL,
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE hub_seed');
    await runner.query('DROP TABLE area_reference');
  }
}
