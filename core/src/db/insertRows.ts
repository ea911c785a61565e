import type { EntityManager } from 'typeorm';

/** Rows per INSERT: large enough to be fast on PGlite, small enough for PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

/**
 * Multi-row INSERT of plain rows (keys are column names). Seeding row by row is ~100 × slower on
 * the embedded database.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = columns.map((column) => {
        params.push(row[column]);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}
