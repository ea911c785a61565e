import {
  AGE_BAND_COMPONENTS,
  AGE_BAND_RANGES,
  AgeBand,
  COUNT_CELLS,
  DISJOINT_AGE_BANDS,
  SHARE_CELLS,
  SuppressionReason,
  areaAgeSuppression,
  protectLine,
  protectTable,
  type AreaAgeTable,
} from '@hub/core';

const T = 5;
const { BELOW_THRESHOLD: PRIMARY, SECONDARY } = SuppressionReason;
const primaries = (counts: number[]) => counts.map((count) => COUNT_CELLS.primary(count, T));

describe('secondary suppression along a breakdown', () => {
  it('leaves a breakdown without withheld cells alone', () => {
    expect(protectLine([10, 20, 30], primaries([10, 20, 30]), COUNT_CELLS, T)).toEqual([null, null, null]);
  });

  it('with exactly one withheld cell, also withholds the smallest other cell', () => {
    // Total (obtainable elsewhere) − 40 − 12 − 25 − 30 would give the 3.
    const counts = [40, 12, 25, 30, 3];
    expect(protectLine(counts, primaries(counts), COUNT_CELLS, T)).toEqual([null, SECONDARY, null, null, PRIMARY]);
  });

  it('takes the first of equally small cells, so the choice does not depend on the query', () => {
    const counts = [9, 2, 9, 9];
    expect(protectLine(counts, primaries(counts), COUNT_CELLS, T)).toEqual([SECONDARY, PRIMARY, null, null]);
  });

  it('goes on while the withheld cells together are still below the threshold', () => {
    // 0 and 2 withheld: the difference would say "2 persons in those two bands".
    const counts = [0, 2, 7, 30];
    expect(protectLine(counts, primaries(counts), COUNT_CELLS, T)).toEqual([PRIMARY, PRIMARY, SECONDARY, null]);
  });

  it('stops when two or more withheld cells together reach the threshold', () => {
    const counts = [3, 4, 50];
    expect(protectLine(counts, primaries(counts), COUNT_CELLS, T)).toEqual([PRIMARY, PRIMARY, null]);
  });

  it('withholds everything when nothing else would protect the small cells', () => {
    const counts = [1, 2];
    expect(protectLine(counts, primaries(counts), COUNT_CELLS, T)).toEqual([PRIMARY, PRIMARY]);
    expect(protectLine([4], primaries([4]), COUNT_CELLS, T)).toEqual([PRIMARY]);
  });

  it('protects shares by their persons: the withheld numerators and groups must add up to a publishable share', () => {
    const cells = [
      { numerator: 1, denominator: 30 },
      { numerator: 12, denominator: 60 },
      { numerator: 9, denominator: 20 },
    ];
    const result = protectLine(cells, cells.map((c) => SHARE_CELLS.primary(c, T)), SHARE_CELLS, T);
    // The smallest group (20) goes; 1 + 9 of 30 + 20 passes the share rule.
    expect(result).toEqual([PRIMARY, null, SECONDARY]);
  });
});

describe('secondary suppression on a table', () => {
  it('protects along rows and columns until nothing changes', () => {
    const table = [
      [20, 3, 30],
      [25, 40, 50],
      [60, 70, 80],
    ];
    const result = protectTable(table, COUNT_CELLS, { rows: true, columns: true }, T);
    // Row 0 withholds 20 for the 3; columns 0 and 1 then each need a second withheld cell (25, 40).
    expect(result).toEqual([
      [SECONDARY, PRIMARY, null],
      [SECONDARY, SECONDARY, null],
      [null, null, null],
    ]);
  });

  it('protects only the lines asked for', () => {
    const table = [
      [20, 3],
      [25, 40],
    ];
    expect(protectTable(table, COUNT_CELLS, { rows: false, columns: true }, T)).toEqual([
      [null, PRIMARY],
      [null, SECONDARY],
    ]);
    expect(protectTable(table, COUNT_CELLS, { rows: false, columns: false }, T)).toEqual([
      [null, PRIMARY],
      [null, null],
    ]);
  });
});

describe('predefined age bands', () => {
  it('has no band overlapping another partially: AGE_0_25 became AGE_0_24', () => {
    expect(Object.keys(AgeBand)).not.toContain('AGE_0_25');
    expect(AGE_BAND_RANGES.AGE_0_24).toEqual({ min: 0, max: 24 });
  });

  it('makes every band the exact union of adjacent disjoint bands', () => {
    for (const band of Object.values(AgeBand)) {
      const parts = AGE_BAND_COMPONENTS[band].map((part) => AGE_BAND_RANGES[part]);
      expect(parts[0].min).toBe(AGE_BAND_RANGES[band].min);
      expect(parts[parts.length - 1].max).toBe(AGE_BAND_RANGES[band].max);
      parts.slice(1).forEach((part, i) => expect(part.min).toBe(parts[i].max + 1));
    }
    for (const band of DISJOINT_AGE_BANDS) expect(AGE_BAND_COMPONENTS[band]).toEqual([band]);
  });
});

describe('composite bands and districts', () => {
  /** One estate: 0-5, 6-14, 15-17, 18-24, 25-29. */
  const estate = (cells: number[]): AreaAgeTable<number> => ({
    rows: [{ area: 'estate', cells }],
    districts: false,
    breakdown: false,
  });

  it('withholds a composite band when one of its disjoint bands is withheld', () => {
    // 15-24 (3 + 40) minus 18-24 (40) would give the 3 persons aged 15-17.
    const table = estate([30, 50, 3, 40, 20]);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_17, COUNT_CELLS, T)).toBe(PRIMARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_24, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_0_24, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_18_24, COUNT_CELLS, T)).toBeNull();
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_18_29, COUNT_CELLS, T)).toBeNull();
  });

  it('withholds a composite band by its own rule first', () => {
    const table = estate([0, 0, 1, 2, 0]);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_24, COUNT_CELLS, T)).toBe(PRIMARY);
  });

  it('in a breakdown, a single band agrees with the breakdown\'s secondary suppression', () => {
    const table = { ...estate([30, 50, 12, 40, 3]), breakdown: true };
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_25_29, COUNT_CELLS, T)).toBe(PRIMARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_17, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_24, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_6_14, COUNT_CELLS, T)).toBeNull();
  });

  it('protects a district along the districts of its municipality, whose total is published', () => {
    const districts: AreaAgeTable<number> = {
      rows: [
        { area: 'a', cells: [30, 50, 2, 40, 20] },
        { area: 'b', cells: [30, 50, 9, 40, 20] },
        { area: 'c', cells: [30, 50, 15, 40, 20] },
      ],
      districts: true,
      breakdown: false,
    };
    // Municipality (26) − b − c would give a's 2: b, the smaller, is withheld too.
    expect(areaAgeSuppression(districts, 'a', AgeBand.AGE_15_17, COUNT_CELLS, T)).toBe(PRIMARY);
    expect(areaAgeSuppression(districts, 'b', AgeBand.AGE_15_17, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(districts, 'c', AgeBand.AGE_15_17, COUNT_CELLS, T)).toBeNull();
    expect(areaAgeSuppression(districts, 'b', AgeBand.AGE_15_24, COUNT_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(districts, 'c', AgeBand.AGE_15_24, COUNT_CELLS, T)).toBeNull();
  });

  it('applies the share rule to each disjoint band of a composite share', () => {
    const share = (numerator: number, denominator: number) => ({ numerator, denominator });
    const table: AreaAgeTable<{ numerator: number; denominator: number }> = {
      rows: [{ area: 'estate', cells: [share(0, 30), share(0, 50), share(2, 20), share(12, 40), share(9, 20)] }],
      districts: false,
      breakdown: false,
    };
    // 14 of 60 passes alone, but 15-24 minus 18-24 would give 2 of 20.
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_15_24, SHARE_CELLS, T)).toBe(SECONDARY);
    expect(areaAgeSuppression(table, 'estate', AgeBand.AGE_18_29, SHARE_CELLS, T)).toBeNull();
  });
});
