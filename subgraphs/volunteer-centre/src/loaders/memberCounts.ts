import {
  DISJOINT_AGES,
  bandCell,
  bandCells,
  countGroupedPopulations,
  countMeasure,
  countsByAgeBand,
  covers,
  keysByAgeBand,
  livesIn,
  recordKeyParams,
  recordKeySql,
  unknownArea,
  type AgeBand,
  type LineOfActionCode,
  type Measure,
  type PopulationKey,
  type SpellCondition,
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

/** SQL: the member's age on the key's date (age = year of the date − birth year). */
const AGE = 'extract(year FROM k.on_date)::int - m.birth_year';

/** SQL condition: membership `m` runs on `k.on_date` and its member is of an age some band covers. */
const running = `${covers('m', 'k.on_date')} AND ${AGE} BETWEEN ${DISJOINT_AGES.min} AND ${DISJOINT_AGES.max}`;

/**
 * SQL: members per disjoint age band and their cell keys, over rows `m` with one row per member
 * (a member has one age on a day, so one band). The record keys' parameters are $first, $first + 1.
 */
const membersByBand = (first: number) =>
  `${countsByAgeBand('count(m.pseudonym)', AGE)} AS members,
   ${keysByAgeBand(recordKeySql('m.pseudonym', first), AGE)} AS keys`;

/** A row of counts per disjoint band, with their cell keys. */
interface MemberRow {
  members: number[];
  keys: number[];
}

/** The members of a key's band, after disclosure control. */
function membersMeasure(row: MemberRow, ageBand: AgeBand): Measure {
  return countMeasure(bandCell(bandCells(row.members, row.keys), ageBand));
}

/**
 * Distinct members per club, for every key in one statement (a member may rejoin a club), per
 * disjoint age band: a composite band's cell is its bands' cells joined.
 */
export async function countClubMembers(
  db: DataSource,
  keys: readonly ClubMembersKey[],
): Promise<Measure[]> {
  const rows: ({ idx: number } & MemberRow)[] = await db.query(
    `SELECT k.idx, ${membersByBand(4)}
     FROM unnest($1::int[], $2::text[], $3::date[]) AS k(idx, club, on_date)
     LEFT JOIN LATERAL (SELECT DISTINCT m.pseudonym, m.birth_year FROM membership m
                        WHERE m.club_code = k.club AND ${running}) m ON true
     GROUP BY k.idx
     ORDER BY k.idx`,
    [keys.map((_, i) => i), keys.map((k) => k.club), keys.map((k) => k.on), ...recordKeyParams()],
  );
  return rows.map((row, i) => membersMeasure(row, keys[i].ageBand));
}

/**
 * Distinct members of a line's clubs living in the area, for every key in one statement: the
 * keys are unnested into a table like core's `countPopulations`, with the line as one more column.
 */
async function countMembersOfLines(
  db: DataSource,
  keys: readonly AreaMembersKey[],
): Promise<(Measure | Error)[]> {
  if (keys.length === 0) return [];
  const rows: ({ idx: number; known: string | null } & MemberRow)[] = await db.query(
    `WITH k AS (
       SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::text[]) AS k(idx, area, on_date, line))
     SELECT k.idx, a.code AS known, ${membersByBand(5)}
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN LATERAL (
       SELECT DISTINCT m.pseudonym, m.birth_year FROM membership m JOIN club c ON c.code = m.club_code
       WHERE a.code IS NOT NULL AND ${livesIn('m', 'a')} AND ${running}
         AND (k.line IS NULL OR c.line_of_action = k.line)) m ON true
     GROUP BY k.idx, a.code
     ORDER BY k.idx`,
    [keys.map((_, i) => i), keys.map((k) => k.area), keys.map((k) => k.on), keys.map((k) => k.line), ...recordKeyParams()],
  );
  return keys.map((key, i) => (rows[i].known === null ? unknownArea(key.area) : membersMeasure(rows[i], key.ageBand)));
}

/** The centre's members as a population: each person once, with the residence of their rows. */
const MEMBERS = `(SELECT DISTINCT ON (pseudonym) pseudonym, birth_year, municipality_code, district_code, estate_code
                  FROM membership ORDER BY pseudonym) p`;

/** Any membership, as the spells of core's population counts. */
const ANY_MEMBERSHIP: SpellCondition = { table: 'membership', where: 'true' };

/**
 * Distinct members of any club living in the area, counted like core's population measures
 * (`countGroupedPopulations`): one statement whatever the number of keys, days or members, so
 * that an indicator's time series of club members stays cheap.
 */
async function countMembersOfAnyClub(db: DataSource, keys: readonly AreaMembersKey[]): Promise<(Measure | Error)[]> {
  if (keys.length === 0) return [];
  const rows = await countGroupedPopulations(db, MEMBERS, ANY_MEMBERSHIP, keys);
  return keys.map((key, i) =>
    rows[i].known === null
      ? unknownArea(key.area)
      : membersMeasure({ members: rows[i].numerators, keys: rows[i].numerator_keys }, key.ageBand),
  );
}

/**
 * Distinct members living in the area, per disjoint age band; a person in two clubs counts once.
 * Two statements at most: one for the keys of any club, one for those of a line's clubs.
 */
export async function countMembersInArea(db: DataSource, keys: readonly AreaMembersKey[]): Promise<(Measure | Error)[]> {
  const anyClub = keys.flatMap((key, i) => (key.line === null ? [i] : []));
  const ofLines = keys.flatMap((key, i) => (key.line === null ? [] : [i]));
  const answers: (Measure | Error)[] = [];
  const [any, lines] = await Promise.all([
    countMembersOfAnyClub(db, anyClub.map((i) => keys[i])),
    countMembersOfLines(db, ofLines.map((i) => keys[i])),
  ]);
  anyClub.forEach((keyIndex, i) => (answers[keyIndex] = any[i]));
  ofLines.forEach((keyIndex, i) => (answers[keyIndex] = lines[i]));
  return answers;
}
