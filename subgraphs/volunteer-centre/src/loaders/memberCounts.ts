import {
  AGE_BAND_COMPONENTS,
  AreaKind,
  COUNT_CELLS,
  DISJOINT_AGES,
  DISJOINT_AGE_BANDS,
  areaAgeSuppression,
  countGroupedPopulations,
  countMeasure,
  countsByAgeBand,
  covers,
  disclosureTableAreas,
  livesIn,
  unknownArea,
  type AgeBand,
  type AreaAgeTable,
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

/** SQL: distinct members per disjoint age band (a member has one age on a day, so one band). */
const MEMBERS_BY_BAND = countsByAgeBand('count(DISTINCT m.pseudonym)', AGE);

/** The members of a key's band from its disclosure table, after disclosure control. */
function membersMeasure(table: AreaAgeTable<number>, row: string, ageBand: AgeBand): Measure {
  const cells = table.rows.find((r) => r.area === row)?.cells ?? [];
  const members = AGE_BAND_COMPONENTS[ageBand].reduce((sum, band) => sum + cells[DISJOINT_AGE_BANDS.indexOf(band)], 0);
  return countMeasure(members, areaAgeSuppression(table, row, ageBand, COUNT_CELLS));
}

/**
 * Distinct members per club, for every key in one statement (a member may rejoin a club). Each
 * key is counted per disjoint age band, so that a composite band is withheld when one of its
 * bands is (15-24 minus 18-24 would give the 15-17-year-olds).
 */
export async function countClubMembers(
  db: DataSource,
  keys: readonly ClubMembersKey[],
): Promise<Measure[]> {
  const rows: { idx: number; members: number[] }[] = await db.query(
    `SELECT k.idx, ${MEMBERS_BY_BAND} AS members
     FROM unnest($1::int[], $2::text[], $3::date[]) AS k(idx, club, on_date)
     LEFT JOIN membership m ON m.club_code = k.club AND ${running}
     GROUP BY k.idx
     ORDER BY k.idx`,
    [keys.map((_, i) => i), keys.map((k) => k.club), keys.map((k) => k.on)],
  );
  return rows.map((row, i) =>
    membersMeasure(
      { rows: [{ area: keys[i].club, cells: row.members }], districts: false, breakdown: false },
      keys[i].club,
      keys[i].ageBand,
    ),
  );
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
  const rows: { idx: number; known: string | null; kind: string | null; area: string | null; members: number[] }[] =
    await db.query(
      `WITH k AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::text[]) AS k(idx, area, on_date, line))
       SELECT k.idx, a.code AS known, a.kind, t.code AS area, ${MEMBERS_BY_BAND} AS members
       FROM k
       LEFT JOIN area_reference a ON a.code = k.area
       LEFT JOIN area_reference t ON ${disclosureTableAreas('a', 't')}
       LEFT JOIN (membership m JOIN club c ON c.code = m.club_code)
         ON t.code IS NOT NULL AND ${livesIn('m', 't')} AND ${running}
        AND (k.line IS NULL OR c.line_of_action = k.line)
       GROUP BY k.idx, a.code, a.kind, t.code
       ORDER BY k.idx, t.code`,
      [keys.map((_, i) => i), keys.map((k) => k.area), keys.map((k) => k.on), keys.map((k) => k.line)],
    );
  return keys.map((key, i) => {
    const own = rows.filter((row) => row.idx === i);
    if (own.length === 0 || own[0].known === null) return unknownArea(key.area);
    const table = {
      rows: own.map((row) => ({ area: row.area as string, cells: row.members })),
      districts: own[0].kind === AreaKind.DISTRICT,
      breakdown: false,
    };
    return membersMeasure(table, key.area, key.ageBand);
  });
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
  return keys.map((key, i) => {
    const own = rows.filter((row) => row.idx === i);
    const table = {
      rows: own.map((row) => ({ area: row.area as string, cells: row.numerators })),
      districts: own[0]?.kind === AreaKind.DISTRICT,
      breakdown: false,
    };
    return own[0]?.known ? membersMeasure(table, key.area, key.ageBand) : unknownArea(key.area);
  });
}

/**
 * Distinct members living in the area, per disjoint age band in the area and, for a district,
 * in each district of its municipality (the municipality minus the other districts would give a
 * withheld district); a person in two clubs counts once. Two statements at most: one for the
 * keys of any club, one for those of a line's clubs.
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
