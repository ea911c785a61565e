// What each partner's own records give for a cohort, found with the test's own SQL (not the
// subgraphs' code), and the published method of @hub/core for the figures.
import { AGE_BAND_RANGES, type AgeBand, type PartnerName } from '@hub/core';
import type { TestHub } from '../support/hub';
import { expectedPlainShare } from '../disclosure/expected';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL
export type Sql = (partner: PartnerName, text: string, params?: unknown[]) => Promise<any[]>;

export const sqlOf = (hub: TestHub): Sql => (partner, text, params = []) =>
  hub.subgraphs[partner].database.dataSource.query(text, params);

const ageIn = (band: AgeBand) =>
  `extract(year FROM $2::date)::int - birth_year BETWEEN ${AGE_BAND_RANGES[band].min} AND ${AGE_BAND_RANGES[band].max}`;

/** Residents of an estate on the day: the association's running tenancies. */
export async function estateMembers(sql: Sql, estate: string, band: AgeBand, on: string): Promise<string[]> {
  const rows = await sql(
    'housing-association',
    `SELECT DISTINCT pseudonym FROM tenancy WHERE estate_code = $1 AND moved_in_on <= $2
       AND (moved_out_on IS NULL OR moved_out_on >= $2) AND ${ageIn(band)} ORDER BY 1`,
    [estate, on],
  );
  return rows.map((row) => row.pseudonym);
}

/** Residents of a district (or of the municipality) in the municipality's register. */
export async function districtMembers(sql: Sql, area: string, band: AgeBand, on: string): Promise<string[]> {
  const rows = await sql(
    'municipality',
    `SELECT pseudonym FROM person WHERE (district_code = $1 OR municipality_code = $1) AND ${ageIn(band)} ORDER BY 1`,
    [area, on],
  );
  return rows.map((row) => row.pseudonym);
}

/** Those of `members` with a spell in `table` (meeting `condition`) running on the day. */
export async function running(
  sql: Sql,
  partner: PartnerName,
  table: string,
  members: string[],
  on: string,
  condition = 'true',
): Promise<string[]> {
  const rows = await sql(
    partner,
    `SELECT DISTINCT pseudonym FROM ${table}
     WHERE pseudonym = ANY($1) AND started_on <= $2 AND (ended_on IS NULL OR ended_on >= $2) AND ${condition}`,
    [members, on],
  );
  return rows.map((row) => row.pseudonym);
}

/** Each measure's persons of a cohort, found on its answering partner's own database. */
export async function expectedCounts(sql: Sql, members: string[], on: string) {
  return {
    inEducation: await running(sql, 'municipality', 'youth_status_spell', members, on, `status = 'EDUCATION'`),
    inWork: await running(sql, 'jobcentre', 'employment_spell', members, on, `kind = 'FULL_TIME_JOB'`),
    onBenefits: await running(sql, 'jobcentre', 'benefit_spell', members, on),
    partTimeJob: await running(sql, 'jobcentre', 'employment_spell', members, on, `kind = 'PART_TIME_JOB'`),
    clubMember: await running(sql, 'volunteer-centre', 'membership', members, on),
  };
}

/** A share of the cohort as the disclosure layer publishes it. */
export const expectedShare = expectedPlainShare;

/** Anything shaped like a pseudonym (64 lowercase hex characters). */
export const PSEUDONYM_PATTERN = /[0-9a-f]{64}/;
