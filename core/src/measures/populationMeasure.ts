import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { livesIn } from '../db/residenceFilter';
import { joinCells, type CountCell } from '../disclosure/perturbation';
import { cellKeySql, recordKeyParams, recordKeySql } from '../disclosure/recordKey';
import { AGE_BAND_COMPONENTS, AGE_BAND_RANGES, DISJOINT_AGE_BANDS, type AgeBand } from '../graphql/enums';
import { notFound } from '../graphql/errors';
import { countMeasure, shareMeasure, type Measure } from '../graphql/Measure';
import { countGroupedPopulations, type PopulationCountRow, type SpellCondition } from './groupedPopulations';
import { versionedMeasureLoader } from './versionedMeasures';

/** A population: persons of an age band living in an area, on a date. */
export interface PopulationKey {
  area: string;
  ageBand: AgeBand;
  on: string;
}

/** The persons of one disjoint age band: the whole population, and those meeting the condition. */
export interface PopulationCells {
  denominator: CountCell;
  numerator: CountCell;
}

export interface PopulationQuery {
  /** FROM item with alias `p`: rows with Residence columns, `pseudonym` and `birth_year`. */
  population: string;
  /** Extra condition on `p` for membership of the population; the date is `k.on_date`. */
  where?: string;
  /** Condition on `p` for the numerator; the date is `k.on_date`. */
  numerator?: string;
  /**
   * Instead of `numerator`: those with a running spell of `spells.table` meeting `spells.where`.
   * Without `where`, such a query is counted by `countGroupedPopulations`, whose cost does not
   * grow with keys × persons (a time series of many days stays cheap).
   */
  spells?: SpellCondition;
}

/** SQL: the age of person `p` on the key's date (age = year of the date − birth year). */
const AGE = 'extract(year FROM k.on_date)::int - p.birth_year';

/**
 * SQL: an int array with `aggregate` (e.g. `count(p.pseudonym)`) per disjoint age band, in
 * `DISJOINT_AGE_BANDS` order, over the rows whose `age` is in the band and that meet `condition`.
 * The text depends only on the fixed bands, never on the data.
 */
export function countsByAgeBand(aggregate: string, age: string, condition = 'true'): string {
  const bands = DISJOINT_AGE_BANDS.map((band) => `${aggregate} FILTER (WHERE ${inBand(band, age)} AND ${condition})`);
  return `ARRAY[${bands.join(', ')}]::int[]`;
}

const inBand = (band: AgeBand, age: string) =>
  `${age} BETWEEN ${AGE_BAND_RANGES[band].min} AND ${AGE_BAND_RANGES[band].max}`;

/**
 * SQL: the cell keys to go with `countsByAgeBand`: per disjoint age band, the sum mod 2^32 of
 * `recordKey` (a column or `recordKeySql`) over the same rows, one row per person.
 */
export function keysByAgeBand(recordKey: string, age: string, condition = 'true'): string {
  const bands = DISJOINT_AGE_BANDS.map(
    (band) => cellKeySql(`coalesce(sum(${recordKey}) FILTER (WHERE ${inBand(band, age)} AND ${condition}), 0)`),
  );
  return `ARRAY[${bands.join(', ')}]::float8[]`;
}

/** Counts and keys per disjoint band, as SQL returns them, zipped into cells. */
export function bandCells(counts: readonly number[], keys: readonly number[]): CountCell[] {
  return counts.map((count, band) => ({ count, key: keys[band] }));
}

/** The cell of a band: the cells of the disjoint bands it is made of, joined. */
export function bandCell(cells: readonly CountCell[], ageBand: AgeBand): CountCell {
  return joinCells(AGE_BAND_COMPONENTS[ageBand].map((band) => cells[DISJOINT_AGE_BANDS.indexOf(band)]));
}

/** The ages the disjoint bands cover: rows outside them count in no band. */
export const DISJOINT_AGES = {
  min: Math.min(...DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].min)),
  max: Math.max(...DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].max)),
};

/**
 * Counts many populations in one SQL statement: the keys travel as arrays, are unnested into a
 * table and joined, so the cost is one statement whatever the number of keys or rows. Each key
 * gets the cells of every disjoint age band of its area and date (counts and cell keys), from
 * which any band is made; null for a key whose area is not known.
 */
export async function countPopulations(
  db: DataSource,
  query: PopulationQuery,
  keys: readonly PopulationKey[],
): Promise<(PopulationCells[] | null)[]> {
  if (query.where === undefined && query.numerator === undefined) {
    return assembleCells(await countGroupedPopulations(db, query.population, query.spells, keys), keys.length);
  }
  if (query.spells) throw new Error('A population query takes `spells` only without `where` and `numerator`.');
  const rows: PopulationCountRow[] = await db.query(
    `WITH k AS (SELECT * FROM unnest($1::int[], $2::text[], $3::date[]) AS k(idx, area, on_date))
     SELECT k.idx, a.code AS known,
            ${countsByAgeBand('count(p.pseudonym)', AGE)} AS denominators,
            ${countsByAgeBand('count(p.pseudonym)', AGE, query.numerator)} AS numerators,
            ${keysByAgeBand('r.record_key', AGE)} AS denominator_keys,
            ${keysByAgeBand('r.record_key', AGE, query.numerator)} AS numerator_keys
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN ${query.population}
       ON a.code IS NOT NULL AND ${livesIn('p', 'a')}
      AND ${AGE} BETWEEN ${DISJOINT_AGES.min} AND ${DISJOINT_AGES.max}
      ${query.where ? `AND ${query.where}` : ''}
     LEFT JOIN LATERAL (SELECT ${recordKeySql('p.pseudonym', 4)} AS record_key) r ON true
     GROUP BY k.idx, a.code
     ORDER BY k.idx`,
    [keys.map((_, index) => index), keys.map((key) => key.area), keys.map((key) => key.on), ...recordKeyParams()],
  );
  return assembleCells(rows, keys.length);
}

/** Each key's cells per disjoint band from its count row; null for a key whose area is not known. */
function assembleCells(rows: readonly PopulationCountRow[], keyCount: number): (PopulationCells[] | null)[] {
  const cells: (PopulationCells[] | null)[] = Array.from({ length: keyCount }, () => null);
  for (const row of rows) {
    if (row.known === null) continue;
    cells[row.idx] = row.denominators.map((count, band) => ({
      denominator: { count, key: row.denominator_keys[band] },
      numerator: { count: row.numerators[band], key: row.numerator_keys[band] },
    }));
  }
  return cells;
}

/** The error for an area code not in the register, naming the argument that carried it. */
export function unknownArea(code: string, argument = 'area') {
  return notFound(
    `No area with code "${code}". The municipality's \`areas\` query lists the valid codes.`,
    argument,
    code,
  );
}

/** The kinds of population measure: the population's size, or the share meeting a condition. */
export type PopulationMeasureKind = 'count' | 'share';

/**
 * The measure of one key from its cells: the cell of its band, perturbed and judged by the
 * measure constructors. No secondary suppression: the cell key method protects every figure
 * consistently, across bands, areas, dates and partners (docs/privacy.md, "Disclosure control").
 */
export function populationMeasure(kind: PopulationMeasureKind, cells: readonly PopulationCells[], key: PopulationKey): Measure {
  const denominator = bandCell(cells.map((cell) => cell.denominator), key.ageBand);
  if (kind === 'count') return countMeasure(denominator);
  return shareMeasure(bandCell(cells.map((cell) => cell.numerator), key.ageBand), denominator);
}

/**
 * A DataLoader answering one kind of population measure for every key of a request, in one
 * statement, or none when every key's measure was counted for the current version of the data.
 */
export function populationMeasureLoader(
  db: DataSource,
  query: PopulationQuery,
  kind: PopulationMeasureKind,
): DataLoader<PopulationKey, Measure, string> {
  // The measure's definition names its cached figures: the same query and kind are the same measure.
  return versionedMeasureLoader<PopulationKey>(db, JSON.stringify({ query, kind }), async (missing) => {
    const counted = await countPopulations(db, query, missing);
    return counted.map((cells, index) => (cells ? populationMeasure(kind, cells, missing[index]) : unknownArea(missing[index].area)));
  });
}
