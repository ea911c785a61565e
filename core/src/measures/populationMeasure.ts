import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { livesIn } from '../db/residenceFilter';
import { COUNT_CELLS, SHARE_CELLS } from '../disclosure/rules';
import { areaAgeSuppression, type AreaAgeTable } from '../disclosure/secondary';
import { AGE_BAND_COMPONENTS, AGE_BAND_RANGES, AreaKind, DISJOINT_AGE_BANDS, type AgeBand } from '../graphql/enums';
import { notFound } from '../graphql/errors';
import { countMeasure, shareMeasure, type Measure } from '../graphql/Measure';
import { argsLoader } from '../loaders/loaders';
import { countGroupedPopulations, type PopulationCountRow, type SpellCondition } from './groupedPopulations';
import { dataVersionOnce, versionedMeasures } from './versionedMeasures';

/** A population: persons of an age band living in an area, on a date. */
export interface PopulationKey {
  area: string;
  ageBand: AgeBand;
  on: string;
}

export interface PopulationCounts {
  /** Persons in the population. */
  denominator: number;
  /** Persons in it who meet the measure's condition. */
  numerator: number;
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

/**
 * What disclosure control needs to answer one key: the counts of each disjoint age band of the
 * key's date, in the key's area and, for a district, in every district of its municipality.
 */
export interface PopulationTable extends Omit<AreaAgeTable<PopulationCounts>, 'breakdown'> {
  rows: { area: string; cells: PopulationCounts[] }[];
}

/** SQL: the age of person `p` on the key's date (age = year of the date − birth year). */
const AGE = 'extract(year FROM k.on_date)::int - p.birth_year';

/**
 * SQL: an int array with `aggregate` (e.g. `count(p.pseudonym)`) per disjoint age band, in
 * `DISJOINT_AGE_BANDS` order, over the rows whose `age` is in the band and that meet `condition`.
 * The text depends only on the fixed bands, never on the data.
 */
export function countsByAgeBand(aggregate: string, age: string, condition = 'true'): string {
  const bands = DISJOINT_AGE_BANDS.map(
    (band) =>
      `${aggregate} FILTER (WHERE ${age} BETWEEN ${AGE_BAND_RANGES[band].min} AND ${AGE_BAND_RANGES[band].max} AND ${condition})`,
  );
  return `ARRAY[${bands.join(', ')}]::int[]`;
}

/** The ages the disjoint bands cover: rows outside them count in no band. */
export const DISJOINT_AGES = {
  min: Math.min(...DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].min)),
  max: Math.max(...DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].max)),
};

/**
 * SQL join condition: `row` (an `area_reference`) is an area of the disclosure table of `area`
 * (the `area_reference` asked): the area itself and, for a district, its sibling districts.
 */
export function disclosureTableAreas(area: string, row: string): string {
  return `(${row}.code = ${area}.code
    OR (${area}.kind = 'DISTRICT' AND ${row}.kind = 'DISTRICT' AND ${row}.parent_code = ${area}.parent_code))`;
}

/**
 * Counts many populations in one SQL statement: the keys travel as arrays, are unnested into a
 * table and joined, so the cost is one statement whatever the number of keys or rows. For
 * disclosure control each key gets the counts of every disjoint age band, in its own area and,
 * when the area is a district, in each of its sibling districts: the age bands of a composite
 * band, and the districts that add up to the municipality, are what a difference could use.
 */
export async function countPopulations(
  db: DataSource,
  query: PopulationQuery,
  keys: readonly PopulationKey[],
): Promise<(PopulationTable | null)[]> {
  if (query.where === undefined && query.numerator === undefined) {
    return assembleTables(await countGroupedPopulations(db, query.population, query.spells, keys), keys.length);
  }
  if (query.spells) throw new Error('A population query takes `spells` only without `where` and `numerator`.');
  const rows: PopulationCountRow[] = await db.query(
    `WITH k AS (SELECT * FROM unnest($1::int[], $2::text[], $3::date[]) AS k(idx, area, on_date))
     SELECT k.idx, a.code AS known, a.kind, t.code AS area,
            ${countsByAgeBand('count(p.pseudonym)', AGE)} AS denominators,
            ${countsByAgeBand('count(p.pseudonym)', AGE, query.numerator)} AS numerators
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN area_reference t ON ${disclosureTableAreas('a', 't')}
     LEFT JOIN ${query.population}
       ON t.code IS NOT NULL AND ${livesIn('p', 't')}
      AND ${AGE} BETWEEN ${DISJOINT_AGES.min} AND ${DISJOINT_AGES.max}
      ${query.where ? `AND ${query.where}` : ''}
     GROUP BY k.idx, a.code, a.kind, t.code
     ORDER BY k.idx, t.code`,
    [keys.map((_, index) => index), keys.map((key) => key.area), keys.map((key) => key.on)],
  );
  return assembleTables(rows, keys.length);
}

/** Each key's disclosure table from its count rows; null for a key whose area is not known. */
function assembleTables(rows: readonly PopulationCountRow[], keyCount: number): (PopulationTable | null)[] {
  const tables: (PopulationTable | null)[] = Array.from({ length: keyCount }, () => null);
  for (const row of rows) {
    if (row.known === null || row.area === null) continue;
    const table = (tables[row.idx] ??= { rows: [], districts: row.kind === AreaKind.DISTRICT });
    table.rows.push({
      area: row.area,
      cells: row.denominators.map((denominator, band) => ({ denominator, numerator: row.numerators[band] })),
    });
  }
  return tables;
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
 * The measure of one key from its table, after disclosure control: primary rules, secondary
 * suppression along the districts (and along the bands of a breakdown), composite bands.
 */
export function populationMeasure(
  kind: PopulationMeasureKind,
  table: PopulationTable,
  key: PopulationKey,
  options: { breakdown?: boolean } = {},
): Measure {
  const own = table.rows.find((row) => row.area === key.area);
  if (!own) throw new Error(`No counts for area "${key.area}".`);
  const counts = SHARE_CELLS.sum(AGE_BAND_COMPONENTS[key.ageBand].map((band) => own.cells[DISJOINT_AGE_BANDS.indexOf(band)]));
  const full = { ...table, breakdown: options.breakdown ?? false };
  if (kind === 'share') {
    const suppression = areaAgeSuppression(full, key.area, key.ageBand, SHARE_CELLS);
    return shareMeasure(counts.numerator, counts.denominator, { suppression });
  }
  const sizes = { ...full, rows: full.rows.map((row) => ({ area: row.area, cells: row.cells.map((c) => c.denominator) })) };
  return countMeasure(counts.denominator, areaAgeSuppression(sizes, key.area, key.ageBand, COUNT_CELLS));
}

/**
 * A DataLoader answering one kind of population measure for every key of a request, in one
 * statement, or none when every key's measure was counted for the current version of the data.
 * `breakdown`: the measure is also published by disjoint age band (a breakdown), so each area's
 * bands are protected together and a single band agrees with the breakdown.
 */
export function populationMeasureLoader(
  db: DataSource,
  query: PopulationQuery,
  kind: PopulationMeasureKind,
  options: { breakdown?: boolean } = {},
): DataLoader<PopulationKey, Measure, string> {
  // The measure's definition names its cached figures: the same query, kind and options are the same measure.
  const namespace = JSON.stringify({ query, kind, options });
  const version = dataVersionOnce(db);
  return argsLoader<PopulationKey, Measure>((keys) =>
    versionedMeasures(db, namespace, keys, version, async (missing) => {
      const tables = await countPopulations(db, query, missing);
      return tables.map((table, index) =>
        table ? populationMeasure(kind, table, missing[index], options) : unknownArea(missing[index].area),
      );
    }),
  );
}
