import DataLoader from 'dataloader';

/**
 * Entity by key: one statement for all keys asked in a request; answers in key order, null for
 * a key that matches nothing (a missing entity is not an error for the others).
 */
export function keyLoader<K extends string | number, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (value: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Children by parent key: one statement for all parents; every parent gets a list. */
export function groupLoader<K extends string | number, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  parentOf: (value: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetch(keys)) groups.get(parentOf(value))?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Answers keyed by argument objects (a measure's area, age band, date...). Equal arguments are
 * asked once; the batch function answers all distinct ones together, an Error for a bad one.
 */
export function argsLoader<K extends object, V>(
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V, string> {
  return new DataLoader(batch, { cacheKeyFn: (key) => JSON.stringify(key) });
}
