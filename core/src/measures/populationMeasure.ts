import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { livesIn } from '../db/residenceFilter';
import { AGE_BAND_RANGES, type AgeBand } from '../graphql/enums';
import { notFound } from '../graphql/errors';
import type { Measure } from '../graphql/Measure';
import { argsLoader } from '../loaders/loaders';

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
}

/**
 * Counts many populations in one SQL statement: the keys travel as arrays, are unnested into a
 * table and joined, so the cost is one statement whatever the number of keys or rows.
 */
export async function countPopulations(
  db: DataSource,
  query: PopulationQuery,
  keys: readonly PopulationKey[],
): Promise<(PopulationCounts | null)[]> {
  const rows: { idx: number; known: string | null; denominator: number; numerator: number }[] =
    await db.query(
      `WITH k AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::date[])
           AS k(idx, area, min_age, max_age, on_date))
       SELECT k.idx, a.code AS known,
              count(p.pseudonym)::int AS denominator,
              count(p.pseudonym) FILTER (WHERE ${query.numerator ?? 'true'})::int AS numerator
       FROM k
       LEFT JOIN area_reference a ON a.code = k.area
       LEFT JOIN ${query.population}
         ON a.code IS NOT NULL AND ${livesIn('p', 'a')}
        AND extract(year FROM k.on_date)::int - p.birth_year BETWEEN k.min_age AND k.max_age
        ${query.where ? `AND ${query.where}` : ''}
       GROUP BY k.idx, a.code
       ORDER BY k.idx`,
      [
        keys.map((_, index) => index),
        keys.map((key) => key.area),
        keys.map((key) => AGE_BAND_RANGES[key.ageBand].min),
        keys.map((key) => AGE_BAND_RANGES[key.ageBand].max),
        keys.map((key) => key.on),
      ],
    );
  return rows.map((row) => (row.known === null ? null : row));
}

/** The error for an area code not in the register, naming the argument that carried it. */
export function unknownArea(code: string, argument = 'area') {
  return notFound(
    `No area with code "${code}". The municipality's \`areas\` query lists the valid codes.`,
    argument,
    code,
  );
}

/** A DataLoader answering one kind of population measure for every key of a request. */
export function populationMeasureLoader(
  db: DataSource,
  query: PopulationQuery,
  toMeasure: (counts: PopulationCounts) => Measure,
): DataLoader<PopulationKey, Measure, string> {
  return argsLoader<PopulationKey, Measure>(async (keys) => {
    const counts = await countPopulations(db, query, keys);
    return counts.map((found, index) => (found ? toMeasure(found) : unknownArea(keys[index].area)));
  });
}

/** Today's date as `YYYY-MM-DD`, the default of every `on` argument. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
