// The perturbation table and the record key: the properties the disclosure guide promises.
import {
  CELL_KEY_SPACE,
  DEVELOPMENT_RECORD_KEY_SECRET,
  MAX_NOISE,
  perturbationRow,
  perturbedCount,
  possibleTrueCounts,
  recordKeySecretFrom,
} from '@hub/core';

const T = 5;
const rows = Array.from({ length: 60 }, (_, count) => ({ count, row: perturbationRow(count, T) }));

describe('the perturbation table', () => {
  it('is a distribution per count, unbiased: the mean published count is the true count', () => {
    for (const { count, row } of rows) {
      expect(row.probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
      expect(row.probabilities.every((p) => p > 0)).toBe(true);
      expect(row.published.reduce((sum, j, i) => sum + j * row.probabilities[i], 0)).toBeCloseTo(count, 12);
    }
  });

  it('never publishes 1 to threshold - 1, and moves a count of threshold + 2 or more by at most 2', () => {
    for (const { count, row } of rows) {
      expect(row.published.filter((j) => j > 0 && j < T)).toEqual([]);
      if (count >= T + MAX_NOISE) expect(row.published).toEqual([-2, -1, 0, 1, 2].map((d) => count + d));
    }
  });

  it('tells an adversary who knows it only a range of true counts', () => {
    expect(possibleTrueCounts(null, T)).toEqual({ min: 0, max: T + MAX_NOISE - 1 });
    expect(possibleTrueCounts(T, T)).toEqual({ min: 1, max: T + MAX_NOISE });
    expect(possibleTrueCounts(40, T)).toEqual({ min: 38, max: 42 });
  });

  it('draws with the cell key: uniform keys give the row\'s probabilities', () => {
    const draws = 100_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i += 1) {
      const published = perturbedCount({ count: 4, key: Math.floor(((i + 0.5) / draws) * CELL_KEY_SPACE) }, T);
      seen.set(published, (seen.get(published) ?? 0) + 1);
    }
    const row = perturbationRow(4, T);
    row.published.forEach((j, i) => expect((seen.get(j) ?? 0) / draws).toBeCloseTo(row.probabilities[i], 3));
  });
});

describe('the record-key secret', () => {
  it('refuses a short secret, and production without one', () => {
    expect(() => recordKeySecretFrom({ HUB_RECORD_KEY_SECRET: 'short' })).toThrow(/too short/);
    expect(() => recordKeySecretFrom({ NODE_ENV: 'production' })).toThrow(/HUB_RECORD_KEY_SECRET is not set/);
    expect(recordKeySecretFrom({})).toBe(DEVELOPMENT_RECORD_KEY_SECRET);
  });
});
