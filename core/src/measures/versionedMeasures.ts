import type DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import { readDataVersion } from '../db/dataVersion';
import type { Measure } from '../graphql/Measure';
import { argsLoader } from '../loaders/loaders';
import { observedRequest } from '../observability/observeRequests';

/** Measures kept per partner database; a dashboard's figures at a few dates fit many times over. */
const ENTRIES_PER_DATABASE = 50_000;

const caches = new WeakMap<DataSource, LRUCache<string, Measure>>();

function cacheOf(db: DataSource): LRUCache<string, Measure> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache({ max: ENTRIES_PER_DATABASE });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Aggregate measures computed once per version of the partner's data and then served from
 * memory to every request, whoever asks: a measure is disclosure-controlled before it is kept
 * (the protected figure is what is reused), and depends only on its definition (`namespace`),
 * its key and the data, never on the caller. The version is read first; a write after that read
 * can only make the computed figure newer than its version, never older, and the next request
 * reads the new version. Only for aggregates: nothing person-level or audited passes here.
 * `version` reads the data's version once for the loader's request (`dataVersionOnce`), so the
 * statements of a request do not depend on how its loads fall into batches.
 */
export async function versionedMeasures<K>(
  db: DataSource,
  namespace: string,
  keys: readonly K[],
  version: () => Promise<string>,
  compute: (keys: readonly K[]) => Promise<(Measure | Error)[]>,
): Promise<(Measure | Error)[]> {
  const cache = cacheOf(db);
  const current = await version();
  const cacheKeys = keys.map((key) => `${namespace}|${current}|${JSON.stringify(key)}`);
  // Read once: computing the missing ones may evict kept ones from the LRU.
  const answers: (Measure | Error | undefined)[] = cacheKeys.map((cacheKey) => cache.get(cacheKey));
  const missing = answers.flatMap((answer, index) => (answer === undefined ? [index] : []));
  if (missing.length > 0) {
    const computed = await compute(missing.map((index) => keys[index]));
    missing.forEach((index, at) => {
      answers[index] = computed[at];
      if (!(computed[at] instanceof Error)) cache.set(cacheKeys[index], computed[at] as Measure);
    });
  }
  return answers as (Measure | Error)[];
}

/**
 * The data's version for a request: the one read before its query ran, if it was (`shareablePlugin`),
 * else read at the first call; every later call gets that same answer.
 */
export function dataVersionOnce(db: DataSource): () => Promise<string> {
  let version: Promise<string> | undefined;
  return () => (version ??= observedRequest()?.dataVersion ?? readDataVersion(db));
}

/**
 * A request's DataLoader of an aggregate measure kept per version of the data (`versionedMeasures`):
 * `definition` names the measure among the partner's (e.g. "clubMembers"), `compute` counts, in
 * one statement, the keys not kept for the current version.
 */
export function versionedMeasureLoader<K extends object>(
  db: DataSource,
  definition: string,
  compute: (keys: readonly K[]) => Promise<(Measure | Error)[]>,
): DataLoader<K, Measure, string> {
  const version = dataVersionOnce(db);
  return argsLoader<K, Measure>((keys) => versionedMeasures(db, definition, keys, version, compute));
}
