// Disclosure control through the gateway: for each rule, a query that would have revealed a small
// group of persons (found with SQL on the owning partner's own database) and now does not.
import { DISCLOSURE_THRESHOLD, DISJOINT_AGE_BANDS, AGE_BAND_RANGES, type AgeBand, type PartnerName } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { AREA_COLUMN, MEASURE_FIELDS, type MeasureJson } from './expected';

const T = DISCLOSURE_THRESHOLD;
const DATES = ['2017-06-30', '2019-06-30', '2021-06-30', '2023-06-30', '2026-06-30'];
const small = (n: number) => n >= 1 && n < T;

let hub: TestHub;
let areas: { code: string; kind: string; parent: string | null }[];

beforeAll(async () => {
  hub = await startHub({ persons: 1000 });
  areas = await sql('municipality', 'SELECT code, kind, parent_code AS parent FROM area_reference ORDER BY code');
});
afterAll(() => hub?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL
function sql(partner: PartnerName, text: string, params: unknown[] = []): Promise<any[]> {
  return hub.subgraphs[partner].database.dataSource.query(text, params);
}

/** Fields of the JOB line of action through the gateway; fails on any error. */
async function line(fields: string): Promise<Record<string, MeasureJson>> {
  const response = await postGraphQL<{ lineOfAction: Record<string, MeasureJson> }>(
    hub.gatewayUrl,
    `{ lineOfAction(code: JOB) { ${fields} } }`,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.lineOfAction;
}

function expectWithheld(measure: MeasureJson, reason: string) {
  expect(measure).toMatchObject({ suppressed: true, suppressionReason: reason });
  // Withheld means null, never zero: a zero would be a figure.
  expect(measure.value).toBeNull();
  expect(measure.numerator).toBeNull();
  expect(measure.denominator).toBeNull();
}

const column = (code: string) => AREA_COLUMN[areas.find((a) => a.code === code)!.kind];

/** Persons of the municipality's register living in `code`, aged min-max in the year of `on`. */
async function registered(code: string, on: string, band: AgeBand): Promise<number> {
  const [{ n }] = await sql(
    'municipality',
    `SELECT count(*)::int AS n FROM person WHERE ${column(code)} = $1
       AND extract(year FROM $2::date)::int - birth_year BETWEEN $3 AND $4`,
    [code, on, AGE_BAND_RANGES[band].min, AGE_BAND_RANGES[band].max],
  );
  return n;
}

/** The first (area, date, band) of the candidates whose `test` holds. */
async function find<C>(
  candidates: { code: string; on: string; band: AgeBand }[],
  count: (c: { code: string; on: string; band: AgeBand }) => Promise<C>,
  test: (counts: C) => boolean,
) {
  for (const candidate of candidates) {
    const counts = await count(candidate);
    if (test(counts)) return { ...candidate, counts };
  }
  throw new Error('The seed has no such cell: widen the search.');
}

const everywhere = (kinds: string[], bands: readonly AgeBand[]) =>
  DATES.flatMap((on) =>
    areas.filter((a) => kinds.includes(a.kind)).flatMap((a) => bands.map((band) => ({ code: a.code, on, band }))),
  );

describe('primary rule: a count of 1-4 persons', () => {
  it('withholds a rare age band in an estate, where the figure would have named a handful of persons', async () => {
    const cell = await find(everywhere(['ESTATE'], DISJOINT_AGE_BANDS), (c) => registered(c.code, c.on, c.band), small);
    const { population } = await line(
      `population(area: "${cell.code}", ageBand: ${cell.band}, on: "${cell.on}") ${MEASURE_FIELDS}`,
    );
    expect(small(cell.counts)).toBe(true); // before, the answer was this count
    expectWithheld(population, 'BELOW_THRESHOLD');
  });

  it('withholds an empty group as well, as null and never as zero', async () => {
    // Nobody aged 0-5 has a part-time job: the share's numerator is 0 in every area.
    const { share } = await line(`share: partTimeJobShare(area: "esbjerg", ageBand: AGE_0_5) ${MEASURE_FIELDS}`);
    expectWithheld(share, 'BELOW_THRESHOLD');
  });
});

describe('primary rule for shares', () => {
  /** Citizens of the band in the area on the day, and those with a running part-time job. */
  async function partTimeJobs(c: { code: string; on: string; band: AgeBand }) {
    const [row] = await sql(
      'jobcentre',
      `SELECT count(*)::int AS denominator,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM employment_spell s WHERE s.pseudonym = p.pseudonym
                AND s.kind = 'PART_TIME_JOB' AND s.started_on <= $2 AND (s.ended_on IS NULL OR s.ended_on >= $2)))::int AS numerator
       FROM citizen p WHERE ${column(c.code)} = $1 AND extract(year FROM $2::date)::int - p.birth_year BETWEEN $3 AND $4`,
      [c.code, c.on, AGE_BAND_RANGES[c.band].min, AGE_BAND_RANGES[c.band].max],
    );
    return row as { numerator: number; denominator: number };
  }

  it('withholds a share whose numerator is 1-4 persons, though its group is large', async () => {
    const cell = await find(
      everywhere(['ESTATE', 'DISTRICT', 'MUNICIPALITY'], ['AGE_15_17', 'AGE_18_24'] as AgeBand[]),
      partTimeJobs,
      (c) => small(c.numerator) && c.denominator >= T && c.denominator - c.numerator >= T,
    );
    const { share } = await line(
      `share: partTimeJobShare(area: "${cell.code}", ageBand: ${cell.band}, on: "${cell.on}") ${MEASURE_FIELDS}`,
    );
    expectWithheld(share, 'BELOW_THRESHOLD');
  });

  it('withholds a share whose "all but n" is 1-4 persons', async () => {
    const inEducation = async (c: { code: string; on: string; band: AgeBand }) => {
      const [row] = await sql(
        'municipality',
        `SELECT count(*)::int AS denominator,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM youth_status_spell s WHERE s.pseudonym = p.pseudonym
                  AND s.status = 'EDUCATION' AND s.started_on <= $2 AND (s.ended_on IS NULL OR s.ended_on >= $2)))::int AS numerator
         FROM person p WHERE ${column(c.code)} = $1 AND extract(year FROM $2::date)::int - p.birth_year BETWEEN $3 AND $4`,
        [c.code, c.on, AGE_BAND_RANGES[c.band].min, AGE_BAND_RANGES[c.band].max],
      );
      return row as { numerator: number; denominator: number };
    };
    const cell = await find(
      everywhere(['ESTATE', 'DISTRICT'], ['AGE_15_17'] as AgeBand[]),
      inEducation,
      (c) => c.numerator >= T && small(c.denominator - c.numerator),
    );
    const { share } = await line(
      `share: inEducationShare(area: "${cell.code}", ageBand: ${cell.band}, on: "${cell.on}") ${MEASURE_FIELDS}`,
    );
    expectWithheld(share, 'COMPLEMENT_BELOW_THRESHOLD');
  });
});

describe('secondary suppression in a breakdown', () => {
  /** The estate's residents per disjoint band on the day, from the association's tenancies. */
  async function residents(code: string, on: string): Promise<number[]> {
    const counts: number[] = [];
    for (const band of DISJOINT_AGE_BANDS) {
      const [{ n }] = await sql(
        'housing-association',
        `SELECT count(*)::int AS n FROM tenancy WHERE estate_code = $1
           AND moved_in_on <= $2 AND (moved_out_on IS NULL OR moved_out_on >= $2)
           AND extract(year FROM $2::date)::int - birth_year BETWEEN $3 AND $4`,
        [code, on, AGE_BAND_RANGES[band].min, AGE_BAND_RANGES[band].max],
      );
      counts.push(n);
    }
    return counts;
  }

  it('withholds the smallest other band when exactly one band is small, in the breakdown and alone', async () => {
    const estates = areas.filter((a) => a.kind === 'ESTATE').map((a) => a.code);
    const cell = await find(
      DATES.flatMap((on) => estates.map((code) => ({ code, on, band: 'AGE_0_5' as AgeBand }))),
      (c) => residents(c.code, c.on),
      (counts) => counts.filter((n) => n < T).length === 1 && counts.some(small),
    );
    const smallBand = DISJOINT_AGE_BANDS[cell.counts.findIndex((n) => n < T)];
    const others = cell.counts.map((n) => (n < T ? Infinity : n));
    const secondBand = DISJOINT_AGE_BANDS[others.indexOf(Math.min(...others))];

    const response = await postGraphQL<{ area: { residentsByAgeBand: { ageBand: string; measure: MeasureJson }[]; alone: MeasureJson } }>(
      hub.gatewayUrl,
      `{ area(code: "${cell.code}") {
           residentsByAgeBand(on: "${cell.on}") { ageBand measure ${MEASURE_FIELDS} }
           alone: residents(ageBand: ${secondBand}, on: "${cell.on}") ${MEASURE_FIELDS} } }`,
    );
    expect(response.errors).toBeUndefined();
    const { residentsByAgeBand, alone } = response.data!.area;
    for (const [i, { ageBand, measure }] of residentsByAgeBand.entries()) {
      if (ageBand === smallBand) expectWithheld(measure, 'BELOW_THRESHOLD');
      else if (ageBand === secondBand) expectWithheld(measure, 'SECONDARY');
      else expect(measure).toMatchObject({ value: cell.counts[i], suppressed: false });
    }
    // Asked alone, the band says no more than the breakdown does.
    expectWithheld(alone, 'SECONDARY');
    // And the published bands no longer pin the small one down: total − published = two bands.
    const withheld = cell.counts.filter((_, i) => residentsByAgeBand[i].measure.suppressed);
    expect(withheld.length).toBe(2);
    expect(withheld.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(T);
  });
});

describe('composite bands', () => {
  it('withholds 15-24 when 15-17 is small, so 15-24 minus 18-24 no longer gives the 15-17-year-olds', async () => {
    const cell = await find(
      everywhere(['ESTATE'], ['AGE_15_17'] as AgeBand[]),
      async (c) => ({
        teens: await registered(c.code, c.on, 'AGE_15_17' as AgeBand),
        young: await registered(c.code, c.on, 'AGE_18_24' as AgeBand),
      }),
      (c) => small(c.teens) && c.young >= T,
    );
    const args = `area: "${cell.code}", on: "${cell.on}"`;
    const { composite, other, teens } = await line(
      `composite: population(${args}, ageBand: AGE_15_24) ${MEASURE_FIELDS}
       other: population(${args}, ageBand: AGE_18_24) ${MEASURE_FIELDS}
       teens: population(${args}, ageBand: AGE_15_17) ${MEASURE_FIELDS}`,
    );
    expectWithheld(teens, 'BELOW_THRESHOLD');
    expect(other).toMatchObject({ value: cell.counts.young, suppressed: false });
    // Before: composite.value − other.value = the small group. Now there is nothing to subtract.
    expectWithheld(composite, 'SECONDARY');
  });

  it('does the same in the volunteer centre\'s own counts', async () => {
    const members = async (c: { code: string; on: string; band: AgeBand }) => {
      const [{ n }] = await sql(
        'volunteer-centre',
        `SELECT count(DISTINCT pseudonym)::int AS n FROM membership m WHERE ${column(c.code)} = $1
           AND started_on <= $2 AND (ended_on IS NULL OR ended_on >= $2)
           AND extract(year FROM $2::date)::int - birth_year BETWEEN $3 AND $4`,
        [c.code, c.on, AGE_BAND_RANGES[c.band].min, AGE_BAND_RANGES[c.band].max],
      );
      return n as number;
    };
    // 15-24 with few members aged 15-17 or few aged 18-24, the other band well above the threshold.
    const cell = await find(
      everywhere(['ESTATE', 'MUNICIPALITY'], ['AGE_15_17', 'AGE_18_24'] as AgeBand[]),
      async (c) => ({
        small: await members(c),
        other: await members({ ...c, band: (c.band === 'AGE_15_17' ? 'AGE_18_24' : 'AGE_15_17') as AgeBand }),
      }),
      (c) => small(c.small) && c.other >= T,
    );
    const args = `area: "${cell.code}", on: "${cell.on}"`;
    const otherBand = cell.band === 'AGE_15_17' ? 'AGE_18_24' : 'AGE_15_17';
    const { composite, other } = await line(
      `composite: volunteerClubMembers(${args}, ageBand: AGE_15_24) ${MEASURE_FIELDS}
       other: volunteerClubMembers(${args}, ageBand: ${otherBand}) ${MEASURE_FIELDS}`,
    );
    expect(other).toMatchObject({ value: cell.counts.other, suppressed: false });
    expectWithheld(composite, 'SECONDARY');
  });
});

describe('districts of the municipality', () => {
  it('withholds another district too, so the municipality minus the other districts does not give a small one', async () => {
    const cell = await find(
      everywhere(['DISTRICT'], DISJOINT_AGE_BANDS),
      (c) => registered(c.code, c.on, c.band),
      small,
    );
    const municipality = areas.find((a) => a.code === cell.code)!.parent!;
    const districts = areas.filter((a) => a.kind === 'DISTRICT' && a.parent === municipality).map((a) => a.code);
    const fields = [municipality, ...districts]
      .map((code, i) => `a${i}: population(area: "${code}", ageBand: ${cell.band}, on: "${cell.on}") ${MEASURE_FIELDS}`)
      .join('\n');
    const answers = Object.values(await line(fields));
    const [total, ...parts] = answers;
    expect(total.suppressed).toBe(false);
    expectWithheld(parts[districts.indexOf(cell.code)], 'BELOW_THRESHOLD');
    const withheld = districts.filter((_, i) => parts[i].suppressed);
    expect(withheld.length).toBeGreaterThanOrEqual(2);
    // What the difference still gives: the withheld districts together, never fewer than T persons.
    const published = parts.reduce((sum, part) => sum + (part.value ?? 0), 0);
    expect(total.value! - published).toBeGreaterThanOrEqual(T);
  });
});

describe('placements by year', () => {
  it('withholds another year too when one year of an initiative has few placements', async () => {
    const rows: { initiative: string; year: number; n: number }[] = await sql(
      'jobcentre',
      `SELECT initiative_code AS initiative, extract(year FROM placed_on)::int AS year, count(*)::int AS n
       FROM placement GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const initiative = rows.find((r) => small(r.n) && rows.filter((o) => o.initiative === r.initiative).length > 2)?.initiative;
    if (!initiative) throw new Error('The seed has no initiative with a year of few placements.');
    const years = rows.filter((r) => r.initiative === initiative);
    const response = await postGraphQL<{ initiative: Record<string, MeasureJson> }>(
      hub.gatewayUrl,
      `{ initiative(code: "${initiative}") {
          all: placements ${MEASURE_FIELDS}
          ${years.map((y) => `y${y.year}: placements(year: ${y.year}) ${MEASURE_FIELDS}`).join('\n')} } }`,
    );
    expect(response.errors).toBeUndefined();
    const answer = response.data!.initiative;
    const total = years.reduce((sum, y) => sum + y.n, 0);
    expect(answer.all).toMatchObject({ value: total, suppressed: false });
    const published = years.reduce((sum, y) => sum + (answer[`y${y.year}`].value ?? 0), 0);
    const withheld = years.filter((y) => answer[`y${y.year}`].suppressed);
    for (const y of years.filter((y) => small(y.n))) expectWithheld(answer[`y${y.year}`], 'BELOW_THRESHOLD');
    expect(withheld.length).toBeGreaterThanOrEqual(2);
    expect(total - published).toBeGreaterThanOrEqual(T);
  });
});
