import type { DataSource } from 'typeorm';
import { cellKeySql, recordKeyParams, recordKeySql } from '../disclosure/recordKey';
import { AGE_BAND_RANGES, DISJOINT_AGE_BANDS } from '../graphql/enums';
import type { PopulationKey } from './populationMeasure';

/** A numerator of persons with a running spell: a row of `table` (alias `s`) meeting `where`. */
export interface SpellCondition {
  table: string;
  where: string;
}

/** One row per key, as `countPopulations` assembles them; `known` is null for an unknown area. */
export interface PopulationCountRow {
  idx: number;
  known: string | null;
  denominators: number[];
  numerators: number[];
  /** The cell keys of the denominators and numerators, band by band. */
  denominator_keys: number[];
  numerator_keys: number[];
}

/**
 * SQL: an array with the sum of `value` per disjoint age band, the age being `age`: int counts,
 * or (`keys`) cell keys, sums of record keys mod 2^32.
 */
function sumsByAgeBand(value: string, age: string, keys = false): string {
  const bands = DISJOINT_AGE_BANDS.map((band) => {
    const sum = `coalesce(sum(${value}) FILTER (WHERE ${age} BETWEEN ${AGE_BAND_RANGES[band].min} AND ${AGE_BAND_RANGES[band].max}), 0)`;
    return keys ? cellKeySql(sum) : sum;
  });
  return `ARRAY[${bands.join(', ')}]::${keys ? 'float8' : 'int'}[]`;
}

const zeros = (type: string) => `ARRAY[${DISJOINT_AGE_BANDS.map(() => 0).join(', ')}]::${type}[]`;

/** SQL: the record key of the population's row `p` (parameters $4 and $5). */
const RECORD_KEY = `CROSS JOIN LATERAL (SELECT ${recordKeySql('p.pseudonym', 4)} AS record_key) r`;

/** SQL: the row `p` counted once in each area it lives in: its municipality, district and estate. */
const IN_EACH_AREA = `CROSS JOIN LATERAL (VALUES (p.municipality_code), (p.district_code), (p.estate_code)) AS v(code)`;

/**
 * The counts of `countPopulations` for a population that does not change with the date (no
 * `where`) and a numerator of running spells, in one statement whose cost grows with persons +
 * spells + areas × birth years × days, never with keys × persons: persons are counted once by area
 * and birth year; each spell becomes the range of asked days it covers (binary search with
 * `width_bucket` in the sorted days), a person's overlapping ranges are merged (so a person counts
 * once a day), and a running sum of +1 at each range's first day and -1 after its last gives the
 * persons with a spell on every day. A time series of a hundred days costs little more than one day.
 */
export async function countGroupedPopulations(
  db: DataSource,
  population: string,
  spells: SpellCondition | undefined,
  keys: readonly PopulationKey[],
): Promise<PopulationCountRow[]> {
  const age = (day: string, row: string) => `extract(year FROM ${day})::int - ${row}.birth_year`;
  const numerators = spells
    ? `sorted AS (SELECT array_agg(on_date ORDER BY on_date) AS days FROM d),
       ranges AS (
         SELECT s.pseudonym, width_bucket(s.started_on - 1, sorted.days) + 1 AS first,
                width_bucket(coalesce(s.ended_on, 'infinity'::date), sorted.days) AS last
         FROM ${spells.table} s CROSS JOIN sorted WHERE ${spells.where}),
       marked AS (
         SELECT pseudonym, first, last,
                CASE WHEN first <= max(last) OVER (PARTITION BY pseudonym ORDER BY first, last
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS starts
         FROM ranges WHERE first <= last),
       islands AS (
         SELECT pseudonym, first, last, sum(starts) OVER (PARTITION BY pseudonym ORDER BY first, last) AS island
         FROM marked),
       merged AS (SELECT pseudonym, min(first) AS first, max(last) AS last FROM islands GROUP BY pseudonym, island),
       steps AS (
         SELECT v.code, p.birth_year, step.day, sum(step.delta)::int AS delta,
                sum(step.delta * r.record_key) AS key_delta
         FROM merged JOIN ${population} ON p.pseudonym = merged.pseudonym ${RECORD_KEY} ${IN_EACH_AREA}
         CROSS JOIN LATERAL (VALUES (merged.first, 1), (merged.last + 1, -1)) AS step(day, delta)
         WHERE v.code IS NOT NULL
         GROUP BY v.code, p.birth_year, step.day),
       running AS (
         SELECT pop.code, pop.birth_year, i AS day,
                sum(coalesce(steps.delta, 0)) OVER (PARTITION BY pop.code, pop.birth_year ORDER BY i) AS n,
                sum(coalesce(steps.key_delta, 0)) OVER (PARTITION BY pop.code, pop.birth_year ORDER BY i) AS keys
         FROM pop CROSS JOIN sorted CROSS JOIN generate_series(1, cardinality(sorted.days)) AS i
         LEFT JOIN steps ON steps.code = pop.code AND steps.birth_year = pop.birth_year AND steps.day = i),
       num AS (
         SELECT running.code, sorted.days[running.day] AS on_date,
                ${sumsByAgeBand('running.n', age('sorted.days[running.day]', 'running'))} AS counts,
                ${sumsByAgeBand('running.keys', age('sorted.days[running.day]', 'running'), true)} AS keys
         FROM running CROSS JOIN sorted GROUP BY running.code, sorted.days[running.day])`
    : '';
  return db.query(
    `WITH k AS (SELECT * FROM unnest($1::int[], $2::text[], $3::date[]) AS k(idx, area, on_date)),
     d AS (SELECT DISTINCT on_date FROM k),
     pop AS (
       SELECT v.code, p.birth_year, count(*)::int AS n, sum(r.record_key) AS keys
       FROM ${population} ${RECORD_KEY} ${IN_EACH_AREA}
       WHERE v.code IS NOT NULL GROUP BY v.code, p.birth_year),
     den AS (
       SELECT pop.code, d.on_date, ${sumsByAgeBand('pop.n', age('d.on_date', 'pop'))} AS counts,
              ${sumsByAgeBand('pop.keys', age('d.on_date', 'pop'), true)} AS keys
       FROM pop CROSS JOIN d GROUP BY pop.code, d.on_date)
     ${numerators ? `, ${numerators}` : ''}
     SELECT k.idx, a.code AS known,
            coalesce(den.counts, ${zeros('int')}) AS denominators,
            coalesce(${spells ? 'num' : 'den'}.counts, ${zeros('int')}) AS numerators,
            coalesce(den.keys, ${zeros('float8')}) AS denominator_keys,
            coalesce(${spells ? 'num' : 'den'}.keys, ${zeros('float8')}) AS numerator_keys
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN den ON den.code = a.code AND den.on_date = k.on_date
     ${spells ? 'LEFT JOIN num ON num.code = a.code AND num.on_date = k.on_date' : ''}
     ORDER BY k.idx`,
    [keys.map((_, index) => index), keys.map((key) => key.area), keys.map((key) => key.on), ...recordKeyParams()],
  );
}
