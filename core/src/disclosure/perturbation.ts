import { DISCLOSURE_THRESHOLD } from './threshold';

/**
 * The cell key method (consistent perturbation), as statistical offices use it for tables users
 * build themselves (ABS TableBuilder, the UK's 2021 census outputs; Eurostat's and Destatis' work,
 * the sdcTools `cellKey`/`ptable` packages). Every person has a record key (`recordKey.ts`); a
 * cell's key is the sum of its persons' keys mod 2^32; a perturbation table maps the cell's count
 * and key to the published count. The same persons always get the same noise, whoever counts them
 * and through whichever table, so asking again or elsewhere gains nothing, and the difference of
 * two overlapping cells carries the noise of both.
 */

/** Cell keys are whole numbers in [0, 2^32). */
export const CELL_KEY_SPACE = 2 ** 32;

/** A cell before perturbation: how many persons it holds, and its cell key. */
export interface CountCell {
  count: number;
  key: number;
}

/** The cell of several disjoint cells' persons: counts add, keys add mod 2^32. */
export function joinCells(cells: readonly CountCell[]): CountCell {
  return cells.reduce(
    (sum, cell) => ({ count: sum.count + cell.count, key: (sum.key + cell.key) % CELL_KEY_SPACE }),
    { count: 0, key: 0 },
  );
}

/** The largest change perturbation makes to a count of the threshold + this or more persons. */
export const MAX_NOISE = 2;

/**
 * Probabilities of the noise -2..+2 for counts far from the threshold: zero mean, variance 1.2,
 * mean absolute change 0.8 persons; 0 is the likeliest, so most figures move by at most one.
 */
const NOISE_WEIGHTS = [0.1, 0.2, 0.4, 0.2, 0.1];

/** One row of the perturbation table: the published counts a true count may become, in order. */
export interface PerturbationRow {
  published: number[];
  probabilities: number[];
}

/**
 * The row of a true count. Zero stays zero. From threshold + MAX_NOISE on, the noise is
 * NOISE_WEIGHTS. Closer to the threshold, the published counts 1..threshold-1 are never used (js
 * = threshold - 1 in the ptable package's terms): a count either becomes 0 (withheld) or reaches
 * the threshold, with the weights of the counts it may reach and the chance of 0 chosen so that
 * the mean stays the true count. So a withheld figure and a published 5 each stand for several
 * possible true counts, and the rows stay unbiased.
 */
export function perturbationRow(count: number, threshold = DISCLOSURE_THRESHOLD): PerturbationRow {
  if (count === 0) return { published: [0], probabilities: [1] };
  const reachable = NOISE_WEIGHTS.flatMap((weight, index) => {
    const published = count + index - MAX_NOISE;
    return published >= threshold ? [{ published, weight }] : [];
  });
  if (reachable.length === NOISE_WEIGHTS.length) {
    return { published: reachable.map((r) => r.published), probabilities: [...NOISE_WEIGHTS] };
  }
  const upper = reachable.length > 0 ? reachable : [{ published: threshold, weight: 1 }];
  const total = upper.reduce((sum, r) => sum + r.weight, 0);
  const mean = upper.reduce((sum, r) => sum + (r.published * r.weight) / total, 0);
  const toZero = 1 - count / mean;
  return {
    published: [0, ...upper.map((r) => r.published)],
    probabilities: [toZero, ...upper.map((r) => ((1 - toZero) * r.weight) / total)],
  };
}

/**
 * The published count of a cell: its row of the perturbation table, and the cell key as a
 * uniform draw in [0, 1) picking the published count by the row's cumulative probabilities.
 */
export function perturbedCount(cell: CountCell, threshold = DISCLOSURE_THRESHOLD): number {
  const row = perturbationRow(cell.count, threshold);
  const draw = cell.key / CELL_KEY_SPACE;
  let cumulative = 0;
  for (let i = 0; i < row.published.length - 1; i += 1) {
    cumulative += row.probabilities[i];
    if (draw < cumulative) return row.published[i];
  }
  return row.published[row.published.length - 1];
}

/**
 * What a published count says about the true one, to anybody who knows the table but not the
 * keys: the true counts whose row can publish it. `null` is a withheld count (published 0). This
 * is the method's guarantee in numbers: a withheld count may be anything from 0 to
 * threshold + MAX_NOISE - 1, and a published count j anything from j - MAX_NOISE to j + MAX_NOISE
 * (from 1 for a published threshold).
 */
export function possibleTrueCounts(
  published: number | null,
  threshold = DISCLOSURE_THRESHOLD,
): { min: number; max: number } {
  const target = published ?? 0;
  const candidates: number[] = [];
  for (let count = Math.max(0, target - MAX_NOISE - threshold); count <= target + MAX_NOISE + threshold; count += 1) {
    if (perturbationRow(count, threshold).published.includes(target)) candidates.push(count);
  }
  return { min: Math.min(...candidates), max: Math.max(...candidates) };
}
