import {
  versionedMeasureLoader,
  cellKeySql,
  countMeasure,
  joinCells,
  populationMeasureLoader,
  recordKeyParams,
  recordKeySql,
  spellsOfPersons,
  type CountCell,
  type Measure,
} from '@hub/core';
import type { DataSource } from 'typeorm';
import { BenefitSpell } from '../entities/BenefitSpell';
import { EmploymentSpell } from '../entities/EmploymentSpell';

/** The numerator of a share: persons with a running spell in `table` of one of `kinds`. */
const hasSpell = (table: string, kinds: string) => ({ table, where: `s.kind IN (${kinds})` });

export interface PlacementKey {
  initiative: string;
  year: number | null;
}

/** Placements of one year (or of all, `year` null) from an initiative's placements per year. */
export function placementMeasure(years: readonly number[], cells: readonly CountCell[], year: number | null): Measure {
  if (year === null) return countMeasure(joinCells(cells));
  const at = years.indexOf(year);
  return countMeasure(at < 0 ? { count: 0, key: 0 } : cells[at]);
}

/** Per-request loaders: every entity lookup, list relation and measure of the jobcentre. */
export function createLoaders(db: DataSource) {
  return {
    employmentOf: spellsOfPersons(db, EmploymentSpell),
    benefitsOf: spellsOfPersons(db, BenefitSpell),
    partTimeJobShare: populationMeasureLoader(
      db,
      { population: 'citizen p', spells: hasSpell('employment_spell', `'PART_TIME_JOB'`) },
      'share',
    ),
    benefitShare: populationMeasureLoader(
      db,
      {
        population: 'citizen p',
        spells: hasSpell('benefit_spell', `'CASH_BENEFIT', 'EDUCATION_BENEFIT', 'UNEMPLOYMENT_BENEFIT'`),
      },
      'share',
    ),
    placements: versionedMeasureLoader(db, 'placements', async (keys: readonly PlacementKey[]) => {
      // Each key gets its initiative's placements per year, with the years' cell keys (a
      // placement's record key is its person's): the all-years total is their joined cell.
      const rows: { idx: number; years: number[]; counts: number[]; keys: number[] }[] = await db.query(
        `WITH k AS (SELECT * FROM unnest($1::int[], $2::text[]) AS k(idx, initiative)),
         y AS (SELECT k.idx, extract(year FROM pl.placed_on)::int AS year, count(*)::int AS n,
                      ${cellKeySql(`sum(${recordKeySql('pl.pseudonym', 3)})`)} AS key
               FROM k JOIN placement pl ON pl.initiative_code = k.initiative
               GROUP BY k.idx, 2)
         SELECT k.idx,
                coalesce(array_agg(y.year ORDER BY y.year) FILTER (WHERE y.year IS NOT NULL), '{}') AS years,
                coalesce(array_agg(y.n ORDER BY y.year) FILTER (WHERE y.year IS NOT NULL), '{}') AS counts,
                coalesce(array_agg(y.key ORDER BY y.year) FILTER (WHERE y.year IS NOT NULL), '{}') AS keys
         FROM k LEFT JOIN y ON y.idx = k.idx
         GROUP BY k.idx ORDER BY k.idx`,
        [keys.map((_, i) => i), keys.map((k) => k.initiative), ...recordKeyParams()],
      );
      return rows.map((row, i) =>
        placementMeasure(row.years, row.counts.map((count, at) => ({ count, key: row.keys[at] })), keys[i].year),
      );
    }),
  };
}

export type JobcentreLoaders = ReturnType<typeof createLoaders>;
