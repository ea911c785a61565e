import { PARTNER_NAMES } from '@hub/core';
import { startHub, type TestHub } from '../support/hub';

/** DDMMYY-SSSS or DDMMYYSSSS, not part of a longer run of digits (a pseudonym is hex). */
const CPR_SHAPED = '(^|[^0-9a-f])[0-3][0-9][01][0-9]{3}-?[0-9]{4}([^0-9a-f]|$)';

describe('national IDs', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ persons: 1000 });
  });
  afterAll(() => hub?.stop());

  it.each(PARTNER_NAMES)('are in no column of any table of the %s database', async (partner) => {
    const db = hub.subgraphs[partner].database.dataSource;
    const columns: { table_name: string; column_name: string; data_type: string }[] = await db.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(columns.length).toBeGreaterThan(5);
    expect(columns.filter((c) => /cpr|national|personnummer|ssn/i.test(c.column_name))).toEqual([]);
    const found: string[] = [];
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const text = /char|text/.test(type) ? `"${column}"` : /int|numeric/.test(type) ? `"${column}"::text` : null;
      if (!text) continue;
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM "${table}" WHERE ${text} ~ $1`,
        [CPR_SHAPED],
      );
      if (count > 0) found.push(`${table}.${column}: ${count}`);
    }
    expect(found).toEqual([]);
  });

  it('are recognised by the check itself (it is not vacuous)', async () => {
    const db = hub.subgraphs.municipality.database.dataSource;
    const [row] = await db.query(
      `SELECT '010203-1234' ~ $1 AS dashed, 'x0102031234y' ~ $1 AS plain, repeat('a1', 32) ~ $1 AS pseudonym`,
      [CPR_SHAPED],
    );
    expect(row).toEqual({ dashed: true, plain: true, pseudonym: false });
  });
});
