import type { QueryRunner } from 'typeorm';

export interface UpsertCounts {
  inserted: number;
  /** Rows already there whose other columns changed; identical rows are not written at all. */
  updated: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * One multi-row `INSERT … ON CONFLICT (key) DO UPDATE` for rows of the same columns. Rows with the
 * same key are folded first, the last one winning (PostgreSQL refuses to update one row twice in
 * a statement). A row equal to the one stored is not rewritten, so loading the same data again
 * writes nothing. With `update: false` existing rows are left as they are.
 */
export async function upsertRows(
  runner: Pick<QueryRunner, 'query'>,
  target: { table: string; key: readonly string[]; rows: readonly Record<string, unknown>[]; update?: boolean },
): Promise<UpsertCounts> {
  if (target.rows.length === 0) return { inserted: 0, updated: 0 };
  const columns = Object.keys(target.rows[0]);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of target.rows) byKey.set(target.key.map((column) => String(row[column])).join('\u0000'), row);
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of byKey.values()) {
    const marks = columns.map((column) => {
      params.push(row[column] ?? null);
      return `$${params.length}`;
    });
    tuples.push(`(${marks.join(', ')})`);
  }
  const others = columns.filter((column) => !target.key.includes(column));
  const onConflict =
    target.update === false || others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}
         WHERE (${others.map((c) => `t.${ident(c)}`).join(', ')}) IS DISTINCT FROM
               (${others.map((c) => `EXCLUDED.${ident(c)}`).join(', ')})`;
  const written: { inserted: boolean }[] = await runner.query(
    `INSERT INTO ${ident(target.table)} AS t (${columns.map(ident).join(', ')})
     VALUES ${tuples.join(', ')}
     ON CONFLICT (${target.key.map(ident).join(', ')}) ${onConflict}
     RETURNING (xmax = 0) AS inserted`,
    params,
  );
  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted };
}
