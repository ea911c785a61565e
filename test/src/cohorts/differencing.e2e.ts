// Small cohorts and overlapping cohorts, on a hub of 1,000 persons where they are easy to find:
// a cohort of a few persons, or two predefined cohorts whose difference is a few persons, must
// not let anyone learn those persons' answers. The cells are found with SQL on the definer's own
// records; the hub must withhold them.
import { AGE_BAND_COMPONENTS, AgeBand, DISCLOSURE_THRESHOLD, DISJOINT_AGE_BANDS } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { MEASURE_FIELDS, type MeasureJson } from '../disclosure/expected';
import { districtMembers, estateMembers, sqlOf, type Sql } from './expected';

const T = DISCLOSURE_THRESHOLD;
const few = (n: number) => n >= 1 && n < T;
const YEARS = Array.from({ length: 10 }, (_, i) => `${2017 + i}-01-01`);
const ESTATES = ['hedelundgardparken', 'stengardsvej', 'kvaglundparken'];

let hub: TestHub;
let sql: Sql;

beforeAll(async () => {
  hub = await startHub({ persons: 1000 });
  sql = sqlOf(hub);
});
afterAll(() => hub?.stop());

async function clubMember(definition: string, agreement: string): Promise<{ size: MeasureJson; clubMember: MeasureJson }> {
  const response = await postGraphQL<{ cohort: { size: MeasureJson; clubMember: MeasureJson } }>(
    hub.gatewayUrl,
    `{ cohort(definition: ${definition}, agreement: "${agreement}") { size ${MEASURE_FIELDS} clubMember ${MEASURE_FIELDS} } }`,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.cohort;
}

function expectWithheld(measure: MeasureJson, reason: string) {
  expect(measure).toMatchObject({ suppressed: true, suppressionReason: reason, value: null, numerator: null, denominator: null });
}

const releasesAt = async (partner: 'housing-association' | 'municipality') =>
  (await sql(partner, `SELECT count(*)::int AS n FROM cohort_audit WHERE action = 'RELEASED'`))[0].n as number;

async function findCell<C>(candidates: C[], test: (candidate: C) => Promise<boolean>): Promise<C> {
  for (const candidate of candidates) if (await test(candidate)) return candidate;
  throw new Error('The seed has no such cohort: widen the search.');
}

it('withholds every answer on a cohort of a few persons, and releases none of them', async () => {
  const candidates = YEARS.flatMap((on) => ESTATES.flatMap((estate) => DISJOINT_AGE_BANDS.map((band) => ({ on, estate, band }))));
  const cell = await findCell(candidates, async (c) => few((await estateMembers(sql, c.estate, c.band, c.on)).length));
  const before = await releasesAt('housing-association');
  const answer = await clubMember(
    `{ kind: ESTATE_RESIDENTS, area: "${cell.estate}", ageBand: ${cell.band}, asOf: "${cell.on}" }`,
    'medvind-neet-follow-up',
  );
  expectWithheld(answer.size, 'BELOW_THRESHOLD');
  expectWithheld(answer.clubMember, 'BELOW_THRESHOLD');
  expect(await releasesAt('housing-association')).toBe(before);
});

it('withholds a district cohort that differs by a few persons from the estate inside it', async () => {
  // Hedelund is almost all Hedelundgårdparken: district minus estate can be a handful of persons.
  const candidates = YEARS.flatMap((on) => DISJOINT_AGE_BANDS.map((band) => ({ on, band })));
  const cell = await findCell(candidates, async (c) => {
    const district = await districtMembers(sql, 'hedelund', c.band, c.on);
    const estate = new Set(await estateMembers(sql, 'hedelundgardparken', c.band, c.on));
    return estate.size >= T && few(district.filter((p) => !estate.has(p)).length);
  });
  const estate = await clubMember(
    `{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: ${cell.band}, asOf: "${cell.on}" }`,
    'medvind-neet-follow-up',
  );
  const district = await clubMember(
    `{ kind: DISTRICT_RESIDENTS, area: "hedelund", ageBand: ${cell.band}, asOf: "${cell.on}" }`,
    'osterbyen-youth-job-and-leisure',
  );
  // Before, district minus estate was those few persons' club membership.
  expect(estate.size.suppressed).toBe(false);
  expectWithheld(district.size, 'SECONDARY');
  expectWithheld(district.clubMember, 'SECONDARY');
});

it('withholds a composite age band whose other part is a few persons', async () => {
  const composite = [AgeBand.AGE_15_24, AgeBand.AGE_18_29, AgeBand.AGE_0_24];
  const candidates = YEARS.flatMap((on) => ESTATES.flatMap((estate) => composite.map((band) => ({ on, estate, band }))));
  const cell = await findCell(candidates, async (c) => {
    const parts = await Promise.all(AGE_BAND_COMPONENTS[c.band].map(async (part) => (await estateMembers(sql, c.estate, part, c.on)).length));
    return parts.some(few) && parts.reduce((a, b) => a + b, 0) >= T;
  });
  const answer = await clubMember(
    `{ kind: ESTATE_RESIDENTS, area: "${cell.estate}", ageBand: ${cell.band}, asOf: "${cell.on}" }`,
    'medvind-neet-follow-up',
  );
  expectWithheld(answer.size, 'SECONDARY');
  expectWithheld(answer.clubMember, 'SECONDARY');
});
