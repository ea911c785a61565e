// What an indicator's owner's own data say, computed here with the test's own SQL on the owner's
// database and the published disclosure rules (../disclosure/expected.ts): the oracle the graph's
// indicator values are checked against.
import { SuppressionReason, meanSuppression, type AgeBand, type PartnerName } from '@hub/core';
import type { TestHub } from '../support/hub';
import {
  expectedCount,
  expectedMean,
  expectedShare,
  sqlTable,
  type MeasureJson,
  type SharePersons,
  type Sql,
} from '../disclosure/expected';

/** The subgraph of each owning organisation. */
export const OWNER_PARTNER: Record<string, PartnerName> = {
  'jobcentre-esbjerg': 'jobcentre',
  'esbjerg-municipality': 'municipality',
  vindrosen: 'volunteer-centre',
};

/** SQL: those of `p` (a person table, by its residence column) aged min-max in the year of $2. */
const livingIn = (column: string) =>
  `p.${column} = $1 AND extract(year FROM $2::date)::int - p.birth_year BETWEEN $3 AND $4`;

/** SQL: `p` has a spell in `table` running on $2 (`condition` narrows the spell `s`). */
const running = (table: string, condition: string) =>
  `EXISTS (SELECT 1 FROM ${table} s WHERE s.pseudonym = p.pseudonym AND ${condition}
            AND s.started_on <= $2 AND (s.ended_on IS NULL OR s.ended_on >= $2))`;

/** A share of a person table's population: persons per band, then the published method. */
async function share(sql: Sql, population: string, numerator: string, area: string, band: AgeBand, on: string) {
  const table = await sqlTable<SharePersons>(sql, area, async (column, code, min, max) => {
    const [row] = await sql(
      `SELECT coalesce(array_agg(p.pseudonym), '{}') AS denominator,
              coalesce(array_agg(p.pseudonym) FILTER (WHERE ${numerator}), '{}') AS numerator
       FROM ${population} p WHERE ${livingIn(column)}`,
      [code, on, min, max],
    );
    return row as SharePersons;
  });
  return expectedShare(table, band);
}

/** Distinct club members living in the area, of the band, on the day. */
async function clubMembers(sql: Sql, area: string, band: AgeBand, on: string) {
  const table = await sqlTable<string[]>(sql, area, async (column, code, min, max) => {
    const [{ persons }] = await sql(
      `SELECT coalesce(array_agg(DISTINCT p.pseudonym), '{}') AS persons FROM membership p
       WHERE ${livingIn(column)} AND p.started_on <= $2 AND (p.ended_on IS NULL OR p.ended_on >= $2)`,
      [code, on, min, max],
    );
    return persons;
  });
  return expectedCount(table, band);
}

/** The well-being survey of the school year running on the day, over the area's schools. */
async function wellBeing(sql: Sql, area: string, on: string) {
  const [year, month] = on.split('-').map(Number);
  const [row] = await sql(
    `SELECT coalesce(sum(w.respondents), 0)::int AS respondents,
            (sum(w.respondents * w.mean_score) / nullif(sum(w.respondents), 0))::float AS mean,
            min(w.respondents)::int AS fewest
     FROM well_being_survey w JOIN school s ON s.code = w.school_code
     JOIN area_reference d ON d.code = s.district_code
     WHERE $1 IN (d.code, d.parent_code) AND w.school_year = $2`,
    [area, month >= 8 ? year : year - 1],
  );
  return expectedMean(row.mean, row.respondents, row.fewest !== null && meanSuppression(row.fewest) !== null ? SuppressionReason.SECONDARY : null);
}

const BENEFITS = `s.kind IN ('CASH_BENEFIT', 'EDUCATION_BENEFIT', 'UNEMPLOYMENT_BENEFIT')`;

/** Each measure an indicator may name, as its owner's data give it. */
const MEASURES: Record<string, (sql: Sql, area: string, band: AgeBand, on: string) => Promise<MeasureJson>> = {
  partTimeJobShare: (sql, area, band, on) =>
    share(sql, 'citizen', running('employment_spell', `s.kind = 'PART_TIME_JOB'`), area, band, on),
  benefitShare: (sql, area, band, on) => share(sql, 'citizen', running('benefit_spell', BENEFITS), area, band, on),
  neetShare: (sql, area, band, on) => share(sql, 'person', running('youth_status_spell', `s.status = 'NEITHER'`), area, band, on),
  inEducationShare: (sql, area, band, on) =>
    share(sql, 'person', running('youth_status_spell', `s.status = 'EDUCATION'`), area, band, on),
  volunteerClubMembers: clubMembers,
  wellBeing: (sql, area, _band, on) => wellBeing(sql, area, on),
};

/** What the owner's own data give for an indicator's measure in `area` on `on`. */
export function ownerMeasure(
  hub: TestHub,
  indicator: { owner: string; measure: string; ageBand: AgeBand },
  area: string,
  on: string,
): Promise<MeasureJson> {
  const partner = OWNER_PARTNER[indicator.owner];
  const sql: Sql = (text, params) => hub.subgraphs[partner].database.dataSource.query(text, params);
  return MEASURES[indicator.measure](sql, area, indicator.ageBand, on);
}

/** Today as the subgraphs see it (UTC): the day goal fulfilment is judged on. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
