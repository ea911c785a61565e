import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toConnection, type Connection, type PageWindow } from '../graphql/pagination';
import { argsLoader } from './loaders';

export interface ChildPageKey {
  parent: string;
  window: PageWindow;
}

export interface ChildPageSpec<T> {
  /** Table or parenthesised subquery holding the children. */
  from: string;
  /** Column holding the parent's key. */
  parentColumn: string;
  /** Unique text column the pages are ordered by; cursors encode it. */
  keyColumn: string;
  map(row: Record<string, unknown>): T;
  keyOf(node: T): string;
}

/**
 * One page of children for many parents in one statement per distinct page window, e.g. the
 * first 10 initiatives of every line of action asked in a request.
 */
export function childPageLoader<T>(
  db: DataSource,
  spec: ChildPageSpec<T>,
): DataLoader<ChildPageKey, Connection<T>, string> {
  return argsLoader(async (keys) => {
    const answers = new Map<string, Connection<T>>();
    for (const group of groupByWindow(keys)) {
      const rows = await fetchPages(db, spec, group);
      for (const parent of group.parents) {
        const mine = rows.filter((row) => row.hub_parent === parent);
        const total = mine.length ? Number(mine[0].hub_total) : await emptyTotal(db, spec, parent, group.window);
        answers.set(answerKey(parent, group.window), toConnection(mine.map(spec.map), group.window, spec.keyOf, total));
      }
    }
    return keys.map((key) => answers.get(answerKey(key.parent, key.window)) as Connection<T>);
  });
}

function answerKey(parent: string, window: PageWindow): string {
  return JSON.stringify([parent, window.limit, window.afterKey]);
}

function groupByWindow(keys: readonly ChildPageKey[]) {
  const groups = new Map<string, { window: PageWindow; parents: string[] }>();
  for (const key of keys) {
    const id = JSON.stringify([key.window.limit, key.window.afterKey]);
    const group = groups.get(id) ?? { window: key.window, parents: [] };
    group.parents.push(key.parent);
    groups.set(id, group);
  }
  return [...groups.values()];
}

async function fetchPages<T>(
  db: DataSource,
  spec: ChildPageSpec<T>,
  group: { window: PageWindow; parents: string[] },
): Promise<Record<string, unknown>[]> {
  // The total is counted before the cursor filter; positions restart after the cursor.
  return db.query(
    `SELECT s.* FROM (
       SELECT t.*, t.${spec.parentColumn} AS hub_parent,
              count(*) OVER (PARTITION BY t.${spec.parentColumn}) AS hub_total,
              row_number() OVER (
                PARTITION BY t.${spec.parentColumn}, ($2::text IS NULL OR t.${spec.keyColumn} > $2)
                ORDER BY t.${spec.keyColumn}) AS hub_position
       FROM ${spec.from} t
       WHERE t.${spec.parentColumn} = ANY($1)
     ) s
     WHERE ($2::text IS NULL OR s.${spec.keyColumn} > $2) AND s.hub_position <= $3
     ORDER BY s.hub_parent, s.${spec.keyColumn}`,
    [group.parents, group.window.afterKey, group.window.limit + 1],
  );
}

/**
 * A page past the end has no rows to carry the total; count it then. Only reached when a
 * client pages beyond the last item, so it does not grow with the number of rows.
 */
async function emptyTotal<T>(
  db: DataSource,
  spec: ChildPageSpec<T>,
  parent: string,
  window: PageWindow,
): Promise<number> {
  if (window.afterKey === null) return 0;
  const [row] = await db.query(
    `SELECT count(*)::int AS total FROM ${spec.from} t WHERE t.${spec.parentColumn} = $1`,
    [parent],
  );
  return row.total;
}
