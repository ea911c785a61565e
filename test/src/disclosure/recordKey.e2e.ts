// The record key computed in SQL, on the database this test run uses (PostgreSQL or PGlite):
// one person has one key in every partner, so it must be exactly HMAC-SHA256 of the pseudonym.
import { createHmac } from 'node:crypto';
import { DEVELOPMENT_RECORD_KEY_SECRET, openDatabase, recordKeyParams, recordKeySql } from '@hub/core';

it('is HMAC-SHA256 of the pseudonym under the alliance secret, computed in SQL from bound parameters', async () => {
  const database = await openDatabase({
    label: 'record-key',
    url: process.env.MUNICIPALITY_DATABASE_URL,
    entities: [],
    migrations: [],
  });
  try {
    const pseudonyms = ['p-000001', 'p-000002', 'ø-unicode'];
    const rows: { key: string }[] = await database.dataSource.query(
      `SELECT ${recordKeySql('x', 1)}::text AS key FROM unnest($3::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      [...recordKeyParams(), pseudonyms],
    );
    const expected = pseudonyms.map((p) =>
      createHmac('sha256', DEVELOPMENT_RECORD_KEY_SECRET).update(p, 'utf8').digest().readUInt32BE(0).toString(),
    );
    expect(rows.map((row) => row.key)).toEqual(expected);
  } finally {
    await database.close();
  }
});
