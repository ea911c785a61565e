import {
  AGE_BAND_RANGES,
  countMeasure,
  covers,
  livesIn,
  unknownArea,
  type AgeBand,
  type LineOfActionCode,
  type Measure,
  type PopulationKey,
} from '@hub/core';
import type { DataSource } from 'typeorm';

/** Members of one club of an age band, on a day. */
export interface ClubMembersKey {
  club: string;
  ageBand: AgeBand;
  on: string;
}

/** Persons of an age band living in an area who are members of a club of `line` (null: any line). */
export interface AreaMembersKey extends PopulationKey {
  line: LineOfActionCode | null;
}

/** SQL condition: membership `m` runs on `k.on_date` and its member's age is in `k`'s band. */
const runningInBand = `${covers('m', 'k.on_date')}
  AND extract(year FROM k.on_date)::int - m.birth_year BETWEEN k.min_age AND k.max_age`;

const minAges = (keys: readonly { ageBand: AgeBand }[]) => keys.map((k) => AGE_BAND_RANGES[k.ageBand].min);
const maxAges = (keys: readonly { ageBand: AgeBand }[]) => keys.map((k) => AGE_BAND_RANGES[k.ageBand].max);

/** Distinct members per club, for every key in one statement (a member may rejoin a club). */
export async function countClubMembers(
  db: DataSource,
  keys: readonly ClubMembersKey[],
): Promise<Measure[]> {
  const rows: { idx: number; members: number }[] = await db.query(
    `SELECT k.idx, count(DISTINCT m.pseudonym)::int AS members
     FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::date[])
       AS k(idx, club, min_age, max_age, on_date)
     LEFT JOIN membership m ON m.club_code = k.club AND ${runningInBand}
     GROUP BY k.idx
     ORDER BY k.idx`,
    [keys.map((_, i) => i), keys.map((k) => k.club), minAges(keys), maxAges(keys), keys.map((k) => k.on)],
  );
  return rows.map((row) => countMeasure(row.members));
}

/**
 * Distinct members living in the area, for every key in one statement: the keys are unnested
 * into a table like core's `countPopulations`, with the line as one more column. A person in
 * two clubs counts once.
 */
export async function countMembersInArea(
  db: DataSource,
  keys: readonly AreaMembersKey[],
): Promise<(Measure | Error)[]> {
  const rows: { idx: number; known: string | null; members: number }[] = await db.query(
    `WITH k AS (
       SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::date[], $6::text[])
         AS k(idx, area, min_age, max_age, on_date, line))
     SELECT k.idx, a.code AS known, count(DISTINCT m.pseudonym)::int AS members
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN (membership m JOIN club c ON c.code = m.club_code)
       ON a.code IS NOT NULL AND ${livesIn('m', 'a')} AND ${runningInBand}
      AND (k.line IS NULL OR c.line_of_action = k.line)
     GROUP BY k.idx, a.code
     ORDER BY k.idx`,
    [
      keys.map((_, i) => i),
      keys.map((k) => k.area),
      minAges(keys),
      maxAges(keys),
      keys.map((k) => k.on),
      keys.map((k) => k.line),
    ],
  );
  return rows.map((row, i) => (row.known === null ? unknownArea(keys[i].area) : countMeasure(row.members)));
}
