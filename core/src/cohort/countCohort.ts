import type { DataSource } from 'typeorm';
import { AGE_BAND_COMPONENTS, AGE_BAND_RANGES, DISJOINT_AGE_BANDS } from '../graphql/enums';
import type { CountCell } from '../disclosure/perturbation';
import { cellKeySql, recordKeyParams, recordKeySql } from '../disclosure/recordKey';
import { countsByAgeBand } from '../measures/populationMeasure';
import type { CohortSpec } from './CohortDefinition';
import type { CohortCounts } from './releaseRule';

/**
 * How a definer finds a cohort in its own records: SQL (a FROM item) with one row per spell of a
 * matching person, columns `pseudonym`, `birth_year`, `started_on`, `ended_on` (null: open) and
 * `nest` (the nested predefined cohort the spell lies in, e.g. its estate, or null). `$1` is the
 * definition's area or programme code.
 */
export interface CohortSource {
  spells: string;
}

export interface CountedCohort {
  /** Sorted pseudonyms: the order says nothing about the records behind them. */
  members: string[];
  counts: CohortCounts;
  /** The cohort's cell key: its size is published perturbed like any count. */
  key: number;
}

/** SQL: a cell key, the sum mod 2^32 of the record keys `recordKey` of the rows aggregated. */
const cellKey = (recordKey: string, condition = 'true') =>
  cellKeySql(`coalesce(sum(${recordKey}) FILTER (WHERE ${condition}), 0)`);

const AGE_NOW = 'extract(year FROM $2::date)::int - birth_year';
const covering = (alias: string, day: string) =>
  `(${alias}.started_on IS NULL OR ${alias}.started_on <= ${day}) AND (${alias}.ended_on IS NULL OR ${alias}.ended_on >= ${day})`;

/**
 * The members of one cohort and what the release rule needs, in one statement: the persons on
 * `asOf`, their disjoint age bands, and how many of them are in each nested cohort.
 */
export async function countCohort(db: DataSource, source: CohortSource, spec: CohortSpec): Promise<CountedCohort> {
  const band = AGE_BAND_RANGES[spec.ageBand];
  const [row] = (await db.query(
    `WITH now AS (SELECT DISTINCT ON (s.pseudonym) s.pseudonym, s.birth_year, s.nest FROM (${source.spells}) s
                  WHERE ${covering('s', '$2::date')} AND ${AGE_NOW} BETWEEN $3 AND $4)
     SELECT (SELECT coalesce(array_agg(pseudonym ORDER BY pseudonym), '{}') FROM now) AS members,
            (SELECT ${countsByAgeBand('count(*)', AGE_NOW)} FROM now) AS bands,
            (SELECT ${cellKey(recordKeySql('pseudonym', 5))} FROM now) AS key,
            (SELECT coalesce(array_agg(n ORDER BY nest), '{}')
               FROM (SELECT nest, count(*)::int AS n FROM now WHERE nest IS NOT NULL GROUP BY nest) x) AS nested`,
    [spec.area ?? spec.programme, spec.asOf, band.min, band.max, ...recordKeyParams()],
  )) as { members: string[]; bands: number[]; nested: number[]; key: number }[];
  const size = row.members.length;
  return {
    members: row.members,
    counts: {
      size,
      components: AGE_BAND_COMPONENTS[spec.ageBand].map((part) => row.bands[DISJOINT_AGE_BANDS.indexOf(part)]),
      outside: row.nested.map((inside) => size - inside),
    },
    key: row.key,
  };
}

/**
 * Counts, for each cohort, its members meeting each condition (SQL on `c.pseudonym` and the
 * cohort's date `k.on_date`), in one statement for all cohorts of a request: the pseudonyms go in
 * as an array parameter and are never written anywhere.
 */
export async function countCohortMeasures(
  db: DataSource,
  conditions: readonly string[],
  cohorts: readonly { members: readonly string[]; on: string }[],
): Promise<{ size: CountCell; counts: CountCell[] }[]> {
  const indices = cohorts.flatMap((cohort, idx) => cohort.members.map(() => idx));
  const pseudonyms = cohorts.flatMap((cohort) => cohort.members);
  const filters = conditions.map((condition) => `count(c.pseudonym) FILTER (WHERE ${condition})`);
  const keys = conditions.map((condition) => cellKey('c.record_key', condition));
  const rows = (await db.query(
    `WITH c AS (SELECT idx, pseudonym, ${recordKeySql('pseudonym', 5)} AS record_key
                FROM (SELECT DISTINCT idx, pseudonym FROM unnest($1::int[], $2::text[]) AS c(idx, pseudonym)) c),
     k AS (SELECT * FROM unnest($3::int[], $4::date[]) AS k(idx, on_date))
     SELECT k.idx, count(c.pseudonym)::int AS size, ${cellKey('c.record_key')} AS size_key,
            ARRAY[${filters.join(', ')}]::int[] AS counts, ARRAY[${keys.join(', ')}]::float8[] AS keys
     FROM k LEFT JOIN c ON c.idx = k.idx
     GROUP BY k.idx ORDER BY k.idx`,
    [indices, pseudonyms, cohorts.map((_, idx) => idx), cohorts.map((cohort) => cohort.on), ...recordKeyParams()],
  )) as { size: number; size_key: number; counts: number[]; keys: number[] }[];
  return rows.map((row) => ({
    size: { count: row.size, key: row.size_key },
    counts: row.counts.map((count, i) => ({ count, key: row.keys[i] })),
  }));
}
