// Disclosure control through the gateway: for each promise of the method, a query over cells the
// test finds with SQL on the owning partner's own database (a handful of persons, the same persons
// counted by two partners, a composite band, the districts of the municipality, placements per
// year), and the figure the graph answers, checked against the published method.
import { DISCLOSURE_THRESHOLD, DISJOINT_AGE_BANDS, AGE_BAND_RANGES, type AgeBand, type PartnerName } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { AREA_COLUMN, MEASURE_FIELDS, expectedPlainCount, expectedPlainShare, type MeasureJson } from './expected';

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

/** No published count of persons is 1 to T-1: a figure is withheld (null, never zero) or T or more. */
function expectNoSmallFigure(measure: MeasureJson) {
  if (measure.suppressed) {
    expect([measure.value, measure.numerator, measure.denominator]).toEqual([null, null, null]);
  } else {
    for (const count of [measure.numerator, measure.denominator]) if (count !== null) expect(count).toBeGreaterThanOrEqual(T);
  }
}

const column = (code: string) => AREA_COLUMN[areas.find((a) => a.code === code)!.kind];

type Cell = { code: string; on: string; band: AgeBand };

const ageIn = (c: Cell) =>
  `extract(year FROM $2::date)::int - birth_year BETWEEN ${AGE_BAND_RANGES[c.band].min} AND ${AGE_BAND_RANGES[c.band].max}`;

/** Persons of the municipality's register living in the cell's area, of its band in the year of its date. */
async function registered(c: Cell): Promise<string[]> {
  const rows = await sql('municipality', `SELECT pseudonym FROM person WHERE ${column(c.code)} = $1 AND ${ageIn(c)}`, [c.code, c.on]);
  return rows.map((row) => row.pseudonym);
}

/** Citizens of the jobcentre in the cell, and those of them with a running spell of `kind`. */
async function citizens(c: Cell, kind = 'PART_TIME_JOB'): Promise<{ part: string[]; whole: string[] }> {
  const [row] = await sql(
    'jobcentre',
    `SELECT coalesce(array_agg(p.pseudonym), '{}') AS whole,
            coalesce(array_agg(p.pseudonym) FILTER (WHERE EXISTS (SELECT 1 FROM employment_spell s
              WHERE s.pseudonym = p.pseudonym AND s.kind = $5
                AND s.started_on <= $2 AND (s.ended_on IS NULL OR s.ended_on >= $2))), '{}') AS part
     FROM citizen p WHERE ${column(c.code)} = $1 AND extract(year FROM $2::date)::int - p.birth_year BETWEEN $3 AND $4`,
    [c.code, c.on, AGE_BAND_RANGES[c.band].min, AGE_BAND_RANGES[c.band].max, kind],
  );
  return row;
}

/** The first candidate whose persons pass `test`. */
async function find<C>(candidates: Cell[], persons: (c: Cell) => Promise<C>, test: (found: C) => boolean) {
  for (const candidate of candidates) {
    const found = await persons(candidate);
    if (test(found)) return { ...candidate, found };
  }
  throw new Error('The seed has no such cell: widen the search.');
}

const everywhere = (kinds: string[], bands: readonly AgeBand[]) =>
  DATES.flatMap((on) =>
    areas.filter((a) => kinds.includes(a.kind)).flatMap((a) => bands.map((band) => ({ code: a.code, on, band }))),
  );

describe('a handful of persons', () => {
  it('is never published as 1-4: the count is withheld or perturbed to the threshold or more, as the method says', async () => {
    const cells = await Promise.all(
      everywhere(['ESTATE'], DISJOINT_AGE_BANDS).map(async (c) => ({ ...c, persons: await registered(c) })),
    );
    const few = cells.filter((c) => small(c.persons.length)).slice(0, 12);
    expect(few.length).toBeGreaterThan(3);
    const answers = await line(
      few.map((c, i) => `c${i}: population(area: "${c.code}", ageBand: ${c.band}, on: "${c.on}") ${MEASURE_FIELDS}`).join('\n'),
    );
    few.forEach((c, i) => {
      expectNoSmallFigure(answers[`c${i}`]);
      expect(answers[`c${i}`]).toEqual(expectedPlainCount(c.persons));
    });
  });

  it('withholds an empty group as well, as null and never as zero', async () => {
    // Nobody aged 0-5 has a part-time job: the share's numerator is 0 in every area.
    const { share } = await line(`share: partTimeJobShare(area: "esbjerg", ageBand: AGE_0_5) ${MEASURE_FIELDS}`);
    expect(share).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'BELOW_THRESHOLD' });
  });

  it('publishes no share of a few, or of all but a few, and no 0 % or 100 %', async () => {
    const fewWith = await find(
      everywhere(['ESTATE', 'DISTRICT', 'MUNICIPALITY'], ['AGE_15_17', 'AGE_18_24'] as AgeBand[]),
      (c) => citizens(c),
      (p) => small(p.part.length) && p.whole.length - p.part.length >= T,
    );
    const { share } = await line(
      `share: partTimeJobShare(area: "${fewWith.code}", ageBand: ${fewWith.band}, on: "${fewWith.on}") ${MEASURE_FIELDS}`,
    );
    expectNoSmallFigure(share);
    expect(share).toEqual(expectedPlainShare(fewWith.found.part, fewWith.found.whole));
    if (!share.suppressed) expect(share.denominator! - share.numerator!).toBeGreaterThanOrEqual(T);
  });
});

describe('the same persons, the same figure', () => {
  it('two partners counting the same persons publish the same count, whichever field asks', async () => {
    // The jobcentre's citizens and the municipality's register hold the same young persons.
    const cell = await find(
      everywhere(['ESTATE', 'DISTRICT'], ['AGE_15_17', 'AGE_18_24'] as AgeBand[]),
      async (c) => ({ register: await registered(c), jobcentre: (await citizens(c)).whole }),
      (p) => p.register.length >= T && [...p.register].sort().join() === [...p.jobcentre].sort().join(),
    );
    const args = `area: "${cell.code}", ageBand: ${cell.band}, on: "${cell.on}"`;
    const { population, share } = await line(`population(${args}) ${MEASURE_FIELDS} share: partTimeJobShare(${args}) ${MEASURE_FIELDS}`);
    expect(population.value).toBe(expectedPlainCount(cell.found.register).value);
    if (!share.suppressed) expect(share.denominator).toBe(population.value);
  });

  it('a composite band is its own cell: 15-24 is the count of its persons, not the sum of two perturbed bands', async () => {
    const cell = await find(
      everywhere(['ESTATE'], ['AGE_15_17'] as AgeBand[]),
      async (c) => ({ teens: await registered(c), young: await registered({ ...c, band: 'AGE_18_24' as AgeBand }) }),
      (p) => small(p.teens.length) && p.young.length >= T,
    );
    const args = `area: "${cell.code}", on: "${cell.on}"`;
    const { composite, other, teens } = await line(
      `composite: population(${args}, ageBand: AGE_15_24) ${MEASURE_FIELDS}
       other: population(${args}, ageBand: AGE_18_24) ${MEASURE_FIELDS}
       teens: population(${args}, ageBand: AGE_15_17) ${MEASURE_FIELDS}`,
    );
    expect(teens).toEqual(expectedPlainCount(cell.found.teens));
    expect(other).toEqual(expectedPlainCount(cell.found.young));
    expect(composite).toEqual(expectedPlainCount([...cell.found.teens, ...cell.found.young]));
  });

  it('a breakdown by band gives the same figures as the bands asked alone', async () => {
    const estate = areas.find((a) => a.kind === 'ESTATE')!.code;
    const response = await postGraphQL<{ area: { residentsByAgeBand: { ageBand: string; measure: MeasureJson }[] } & Record<string, MeasureJson> }>(
      hub.gatewayUrl,
      `{ area(code: "${estate}") {
           residentsByAgeBand(on: "2023-06-30") { ageBand measure ${MEASURE_FIELDS} }
           ${DISJOINT_AGE_BANDS.map((band) => `${band}: residents(ageBand: ${band}, on: "2023-06-30") ${MEASURE_FIELDS}`).join('\n')} } }`,
    );
    expect(response.errors).toBeUndefined();
    for (const { ageBand, measure } of response.data!.area.residentsByAgeBand) expect(measure).toEqual(response.data!.area[ageBand]);
  });
});

describe('tables that add up', () => {
  it('the districts and the municipality are each the perturbed count of their own persons', async () => {
    const municipality = areas.find((a) => a.kind === 'MUNICIPALITY')!.code;
    const districts = areas.filter((a) => a.kind === 'DISTRICT' && a.parent === municipality).map((a) => a.code);
    const on = DATES[3];
    const band = 'AGE_15_17' as AgeBand;
    const fields = [municipality, ...districts]
      .map((code, i) => `a${i}: population(area: "${code}", ageBand: ${band}, on: "${on}") ${MEASURE_FIELDS}`)
      .join('\n');
    const answers = Object.values(await line(fields));
    for (const [i, code] of [municipality, ...districts].entries()) {
      expect(answers[i]).toEqual(expectedPlainCount(await registered({ code, on, band })));
    }
  });

  it('placements per year and in all are each the perturbed count of their own placements', async () => {
    const rows: { initiative: string; year: number; persons: string[] }[] = await sql(
      'jobcentre',
      `SELECT initiative_code AS initiative, extract(year FROM placed_on)::int AS year, array_agg(pseudonym) AS persons
       FROM placement GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const initiative = rows.find((r) => small(r.persons.length) && rows.filter((o) => o.initiative === r.initiative).length > 2)?.initiative;
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
    expect(answer.all).toEqual(expectedPlainCount(years.flatMap((y) => y.persons)));
    for (const y of years) {
      expectNoSmallFigure(answer[`y${y.year}`]);
      expect(answer[`y${y.year}`]).toEqual(expectedPlainCount(y.persons));
    }
  });
});
