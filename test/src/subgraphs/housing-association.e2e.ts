// The housing association's subgraph alone, on its own database (embedded, or PostgreSQL in CI): every figure it answers is
// checked against a direct SQL count on the same database.
import {
  AgeBand,
  CohortKind,
  DISJOINT_AGE_BANDS,
  encodeCohortId,
  latestStockReferenceDate,
  shareSuppression,
  today,
  type RunningSubgraph,
} from '@hub/core';
import { housingAssociation } from '@hub/subgraph-housing-association';
import { expectedCount, pick, sqlTable, type MeasureJson as Published } from '../disclosure/expected';
import { postGraphQL } from '../support/graphql';
import { newDataVersion, startTestSubgraph } from '../support/hub';

const EXTRACT_DATE = '2026-10-31';
const ESTATE = 'hedelundgardparken';
/** A former tenant, added by the test: moved out before the extract date, so never a resident then. */
const FORMER_TENANT = 'f'.repeat(64);
const UNKNOWN_PERSON = '0'.repeat(64);

let running: RunningSubgraph;

interface MeasureJson {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function graphql(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await postGraphQL(running.url, query, variables);
  expect(response.status).toBe(200);
  return response;
}

/** `_entities` for one entity type; fails the test on any error. */
async function entities<T>(
  typename: string,
  keys: Record<string, string>[],
  selection: string,
): Promise<T[]> {
  const body = await graphql(
    `query ($representations: [_Any!]!) {
       _entities(representations: $representations) { ... on ${typename} { ${selection} } }
     }`,
    { representations: keys.map((key) => ({ __typename: typename, ...key })) },
  );
  expect(body.errors).toBeUndefined();
  return (body.data as { _entities: T[] })._entities;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return running.database.dataSource.query(query, params);
}

/** Residents by SQL: persons with a tenancy running on the day, aged min-max that year. */
async function residentsBySql(areaColumn: string, area: string, on: string, min: number, max: number) {
  const [row] = await sql<{ persons: string[] }>(
    `SELECT coalesce(array_agg(pseudonym), '{}') AS persons FROM tenancy
     WHERE ${areaColumn} = $1 AND moved_in_on <= $2 AND (moved_out_on IS NULL OR moved_out_on >= $2)
       AND extract(year FROM $2::date)::int - birth_year BETWEEN $3 AND $4`,
    [area, on, min, max],
  );
  return row.persons;
}

/** Residents per disjoint band of `area` on the day. */
const residentsTable = (area: string, on: string) =>
  sqlTable(
    (text, params) => sql(text, params),
    area,
    (column, code, min, max) => residentsBySql(column, code, on, min, max),
  );

/** The residents of `band` in `area` on the day, as the public disclosure method publishes them. */
async function expectedResidents(area: string, on: string, band: AgeBand): Promise<Published> {
  return expectedCount(await residentsTable(area, on), band);
}

/** A survey share: the feel-safe share of its respondents, under the share rule. */
function expectedSafety(survey: { respondents: number; feel_safe_share: number }) {
  const numerator = Math.round(survey.feel_safe_share * survey.respondents);
  return shareSuppression(numerator, survey.respondents)
    ? { value: null, numerator: null, denominator: null, unit: 'SHARE' }
    : { value: survey.feel_safe_share, numerator, denominator: survey.respondents, unit: 'SHARE' };
}

async function statementsOf(action: () => Promise<unknown>): Promise<number> {
  const before = running.database.statements.total;
  await action();
  return running.database.statements.total - before;
}

function expectError(body: GraphQLBody, code: string, argument: string) {
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0].extensions).toMatchObject({ code, argument });
  return body.errors?.[0].message ?? '';
}

beforeAll(async () => {
  running = await startTestSubgraph(housingAssociation);
  await sql(
    `INSERT INTO tenancy (pseudonym, birth_year, municipality_code, district_code, estate_code,
                          department_code, unit_number, moved_in_on, moved_out_on)
     VALUES ($1, 2003, 'esbjerg', 'hedelund', $2, $3, 1, '2019-04-30', '2020-12-31')`,
    [FORMER_TENANT, ESTATE, `${ESTATE}-1`],
  );
});

afterAll(async () => {
  await running?.stop();
});

describe('residents', () => {
  test('Hedelundgårdparken has the published 613 residents aged 15-24, scaled to 61 in a 1,000-person world', async () => {
    const [area] = await entities<{ residents: MeasureJson }>(
      'Area',
      [{ code: ESTATE }],
      `residents(ageBand: AGE_15_24, on: "${EXTRACT_DATE}") { value numerator denominator unit }`,
    );
    const expected = await residentsBySql('estate_code', ESTATE, EXTRACT_DATE, 15, 24);
    expect(expected.length).toBe(Math.round((613 * 1000) / 10000));
    expect(area.residents).toEqual(
      pick(await expectedResidents(ESTATE, EXTRACT_DATE, AgeBand.AGE_15_24), 'value', 'numerator', 'denominator', 'unit'),
    );
  });

  test('a tenancy counts from the day of moving in through the day of moving out, not after', async () => {
    // The former tenant moved in and out on month ends (reference dates) and is 16-17 over these
    // days, so only the move decides whether they count.
    const days: [string, number][] = [
      ['2019-03-31', 0],
      ['2019-04-30', 1],
      ['2020-12-31', 1],
      ['2021-01-31', 0],
    ];
    for (const [on, formerTenant] of days) {
      const [area] = await entities<{ residents: MeasureJson }>(
        'Area',
        [{ code: ESTATE }],
        `residents(ageBand: AGE_15_17, on: "${on}") { value }`,
      );
      const [{ n: others }] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM tenancy
         WHERE estate_code = $1 AND pseudonym <> $2
           AND moved_in_on <= $3 AND (moved_out_on IS NULL OR moved_out_on >= $3)
           AND extract(year FROM $3::date)::int - birth_year BETWEEN 15 AND 17`,
        [ESTATE, FORMER_TENANT, on],
      );
      expect((await residentsBySql('estate_code', ESTATE, on, 15, 17)).length).toBe(others + formerTenant);
      expect(area.residents).toEqual(pick(await expectedResidents(ESTATE, on, AgeBand.AGE_15_17), 'value'));
    }
  });

  test('a measure is counted once per version of the data: asked again it comes from memory, after a write anew', async () => {
    const NEWCOMER = 'e'.repeat(64);
    const ask = async () =>
      (await entities<{ residents: MeasureJson }>('Area', [{ code: ESTATE }], `residents(ageBand: AGE_15_24, on: "${EXTRACT_DATE}") { value }`))[0]
        .residents.value;
    await newDataVersion(running.database.dataSource);
    const counted = await statementsOf(ask);
    const remembered = await statementsOf(ask);
    expect(remembered).toBe(counted - 1);
    const before = await ask();
    await sql(
      `INSERT INTO tenancy (pseudonym, birth_year, municipality_code, district_code, estate_code,
                            department_code, unit_number, moved_in_on, moved_out_on)
       VALUES ($1, $2, 'esbjerg', 'hedelund', $3, $4, 2, '2020-01-31', NULL)`,
      [NEWCOMER, Number(EXTRACT_DATE.slice(0, 4)) - 20, ESTATE, `${ESTATE}-1`],
    );
    // Counted anew: the newcomer's persons are a new cell, published by the method.
    expect(await statementsOf(ask)).toBe(counted);
    expect(await ask()).toBe((await expectedResidents(ESTATE, EXTRACT_DATE, AgeBand.AGE_15_24)).value);
    await sql('DELETE FROM tenancy WHERE pseudonym = $1', [NEWCOMER]);
    expect(await statementsOf(ask)).toBe(counted);
    expect(await ask()).toBe(before);
  });

  test('residents are counted on reference dates only: month ends, not after today', async () => {
    const latest = latestStockReferenceDate(today());
    const nextMonthEnd = new Date(Date.UTC(Number(latest.slice(0, 4)), Number(latest.slice(5, 7)) + 1, 0)).toISOString().slice(0, 10);
    for (const on of ['2024-01-01', '2024-02-28', nextMonthEnd, '2016-12-31']) {
      const body = await graphql(
        'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { residents(on: "' + on + '") { value } } } }',
        { reps: [{ __typename: 'Area', code: ESTATE }] },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'on' });
      expect(body.errors![0].message).toContain(`the last day of a month from 2017-01-31 to ${latest}; got ${on}`);
    }
  });

  test('residents default to ages 0-24 on the latest reference date', async () => {
    const [area] = await entities<{ residents: MeasureJson }>(
      'Area',
      [{ code: 'esbjerg' }],
      'residents { value }',
    );
    const latest = latestStockReferenceDate(today());
    expect(area.residents).toEqual(pick(await expectedResidents('esbjerg', latest, AgeBand.AGE_0_24), 'value'));
    const persons = await residentsBySql('municipality_code', 'esbjerg', latest, 0, 24);
    expect(Math.abs(area.residents.value! - persons.length)).toBeLessThanOrEqual(2);
  });

  test('residents by age band give one count per disjoint band for an estate, a district and the municipality', async () => {
    const on = '2020-06-30';
    const areas = [
      { code: ESTATE, column: 'estate_code' },
      { code: 'osterbyen', column: 'district_code' },
      { code: 'esbjerg', column: 'municipality_code' },
    ];
    const answers = await entities<{
      code: string;
      residentsByAgeBand: { ageBand: string; measure: MeasureJson }[];
    }>(
      'Area',
      areas.map(({ code }) => ({ code })),
      `code residentsByAgeBand(on: "${on}") { ageBand measure { value unit } }`,
    );
    for (const [index, { code }] of areas.entries()) {
      expect(answers[index].code).toBe(code);
      expect(answers[index].residentsByAgeBand.map((b) => b.ageBand)).toEqual([...DISJOINT_AGE_BANDS]);
      const table = await residentsTable(code, on);
      for (const { ageBand, measure } of answers[index].residentsByAgeBand) {
        expect(measure).toEqual(pick(expectedCount(table, ageBand as AgeBand), 'value', 'unit'));
      }
    }
  });

  test('all age bands of a breakdown are counted in one statement, for one area as for three', async () => {
    const breakdown = (codes: string[]) => () =>
      entities(
        'Area',
        codes.map((code) => ({ code })),
        'residentsByAgeBand(on: "2024-01-31") { measure { value } }',
      );
    const one = await statementsOf(breakdown([ESTATE]));
    const three = await statementsOf(breakdown([ESTATE, 'stengardsvej', 'kvaglund']));
    // One statement checks the area codes, one reads the data's version, one counts every band of every area.
    expect(one).toBe(3);
    expect(three).toBe(one);
  });
});

describe('departments and safety of an area', () => {
  test('an estate lists its departments, each pointing back at the estate', async () => {
    const [area] = await entities<{
      departments: { code: string; name: string; units: number; estate: { code: string } }[];
    }>('Area', [{ code: ESTATE }], 'departments { code name units estate { code } }');
    const expected = await sql<{ code: string; name: string; units: number }>(
      'SELECT code, name, units FROM department WHERE estate_code = $1 ORDER BY code',
      [ESTATE],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(area.departments).toEqual(expected.map((d) => ({ ...d, estate: { code: ESTATE } })));
  });

  test('departments of many areas take as many statements as those of one; a district has none', async () => {
    const list = (codes: string[]) => () =>
      entities(
        'Area',
        codes.map((code) => ({ code })),
        'departments { code }',
      );
    const one = await statementsOf(list([ESTATE]));
    const three = await statementsOf(list([ESTATE, 'stengardsvej', 'kvaglundparken']));
    expect(three).toBe(one);
    const [district] = await entities<{ departments: unknown[] }>(
      'Area',
      [{ code: 'osterbyen' }],
      'departments { code }',
    );
    expect(district.departments).toEqual([]);
  });

  test('safety is the latest survey when no year is given, the share with its respondents', async () => {
    const [latest] = await sql<{ year: number; respondents: number; feel_safe_share: number }>(
      'SELECT year, respondents, feel_safe_share FROM safety_survey WHERE estate_code = $1 ORDER BY year DESC LIMIT 1',
      [ESTATE],
    );
    const [area] = await entities<{ safety: MeasureJson }>(
      'Area',
      [{ code: ESTATE }],
      'safety { value numerator denominator unit }',
    );
    expect(area.safety).toEqual(expectedSafety(latest));
  });

  test("safety of a given year is that year's survey; an area never surveyed has none", async () => {
    const [survey] = await sql<{ respondents: number; feel_safe_share: number }>(
      'SELECT respondents, feel_safe_share FROM safety_survey WHERE estate_code = $1 AND year = 2017',
      [ESTATE],
    );
    const [estate, district] = await entities<{ safety: MeasureJson | null }>(
      'Area',
      [{ code: ESTATE }, { code: 'osterbyen' }],
      'safety(year: 2017) { value denominator }',
    );
    const { value, denominator } = expectedSafety(survey);
    expect(estate.safety).toEqual({ value, denominator });
    expect(district.safety).toBeNull();
  });

  test('an area code missing from the register resolves to null', async () => {
    const answers = await entities<{ code: string } | null>(
      'Area',
      [{ code: 'nowhere' }, { code: ESTATE }],
      'code',
    );
    expect(answers).toEqual([null, { code: ESTATE }]);
  });
});

describe('estate measures on a line of action', () => {
  const lineQuery = (fields: string) =>
    graphql(
      `query ($representations: [_Any!]!) {
         _entities(representations: $representations) { ... on LineOfAction { code ${fields} } }
       }`,
      { representations: [{ __typename: 'LineOfAction', code: 'LEARNING' }] },
    );

  test('residents by age band of an estate match SQL', async () => {
    const body = await lineQuery(
      `residentsByAgeBand(estate: "stengardsvej", on: "${EXTRACT_DATE}") { ageBand measure { value } }`,
    );
    expect(body.errors).toBeUndefined();
    const [line] = (
      body.data as { _entities: { residentsByAgeBand: { ageBand: string; measure: MeasureJson }[] }[] }
    )._entities;
    expect(line.residentsByAgeBand).toHaveLength(DISJOINT_AGE_BANDS.length);
    const table = await residentsTable('stengardsvej', EXTRACT_DATE);
    for (const { ageBand, measure } of line.residentsByAgeBand) {
      expect(measure).toEqual(pick(expectedCount(table, ageBand as AgeBand), 'value'));
    }
  });

  test('the safety share of an estate in a year matches its survey', async () => {
    const [survey] = await sql<{ respondents: number; feel_safe_share: number }>(
      `SELECT respondents, feel_safe_share FROM safety_survey WHERE estate_code = 'kvaglundparken' AND year = 2020`,
    );
    const body = await lineQuery(
      'safetyShare(estate: "kvaglundparken", year: 2020) { value numerator denominator }',
    );
    expect(body.errors).toBeUndefined();
    const [line] = (body.data as { _entities: { safetyShare: MeasureJson }[] })._entities;
    const { value, numerator, denominator } = expectedSafety(survey);
    expect(line.safetyShare).toEqual({ value, numerator, denominator });
  });

  test('a year without a survey gives a null share', async () => {
    const body = await lineQuery('safetyShare(estate: "kvaglundparken", year: 2000) { value }');
    expect(body.errors).toBeUndefined();
    expect((body.data as { _entities: { safetyShare: null }[] })._entities[0].safetyShare).toBeNull();
  });

  test('an unknown estate code is NOT_FOUND, for both fields', async () => {
    for (const field of [
      'residentsByAgeBand(estate: "nowhere") { ageBand }',
      'safetyShare(estate: "nowhere") { value }',
    ]) {
      const message = expectError(await lineQuery(field), 'NOT_FOUND', 'estate');
      expect(message).toContain('"nowhere"');
    }
  });

  test('a district or the municipality is refused as an estate, naming what it is', async () => {
    const cases = [
      ['osterbyen', 'district'],
      ['esbjerg', 'municipality'],
    ];
    for (const [code, kind] of cases) {
      for (const field of [
        `residentsByAgeBand(estate: "${code}") { ageBand }`,
        `safetyShare(estate: "${code}") { value }`,
      ]) {
        const message = expectError(await lineQuery(field), 'BAD_USER_INPUT', 'estate');
        expect(message).toContain(`"${code}" is a ${kind}`);
      }
    }
  });
});

describe("a person's tenancy", () => {
  interface TenancyJson {
    unitNumber: number;
    movedInOn: string;
    movedOutOn: string | null;
    department: { code: string; name: string };
    estate: { code: string };
  }
  const selection =
    'pseudonym tenancy { unitNumber movedInOn movedOutOn department { code name } estate { code } }';

  test("a resident's running tenancy comes with its department and estate", async () => {
    const rows = await sql<{
      pseudonym: string;
      unit_number: number;
      moved_in_on: string;
      department_code: string;
      name: string;
      estate_code: string;
    }>(
      `SELECT t.pseudonym, t.unit_number, to_char(t.moved_in_on, 'YYYY-MM-DD') AS moved_in_on,
              t.department_code, d.name, t.estate_code
       FROM tenancy t JOIN department d ON d.code = t.department_code
       WHERE t.moved_out_on IS NULL ORDER BY t.pseudonym LIMIT 3`,
    );
    const people = await entities<{ pseudonym: string; tenancy: TenancyJson }>(
      'Person',
      rows.map((row) => ({ pseudonym: row.pseudonym })),
      selection,
    );
    expect(people).toEqual(
      rows.map((row) => ({
        pseudonym: row.pseudonym,
        tenancy: {
          unitNumber: row.unit_number,
          movedInOn: row.moved_in_on,
          movedOutOn: null,
          department: { code: row.department_code, name: row.name },
          estate: { code: row.estate_code },
        },
      })),
    );
  });

  test('a former tenant and an unknown person both have no running tenancy (existence is not revealed)', async () => {
    const people = await entities(
      'Person',
      [{ pseudonym: FORMER_TENANT }, { pseudonym: UNKNOWN_PERSON }],
      selection,
    );
    expect(people).toEqual([
      { pseudonym: FORMER_TENANT, tenancy: null },
      { pseudonym: UNKNOWN_PERSON, tenancy: null },
    ]);
  });

  test('tenancies of many persons take as many statements as that of one', async () => {
    const rows = await sql<{ pseudonym: string }>(
      'SELECT pseudonym FROM tenancy ORDER BY pseudonym LIMIT 50',
    );
    const lookup = (keys: { pseudonym: string }[]) => () => entities('Person', keys, selection);
    const one = await statementsOf(lookup(rows.slice(0, 1)));
    const fifty = await statementsOf(lookup(rows));
    expect(fifty).toBe(one);
  });
});

describe("an estate cohort's size", () => {
  const agreement = 'medvind-neet-follow-up';
  const id = encodeCohortId({
    kind: CohortKind.ESTATE_RESIDENTS,
    area: ESTATE,
    programme: null,
    ageBand: AgeBand.AGE_15_24,
    asOf: '2026-01-01',
    agreement,
  });
  const terms = { code: agreement, provider: 'ungdomsbo', grants: [], validFrom: '2024-01-01', validTo: '2999-12-31' };
  const sizeUnder = async (agreementTerms: typeof terms) => {
    const [cohort] = await entities<{ estateCohortSize: { value: number | null } | null }>(
      'Cohort',
      [{ id, agreementTerms } as unknown as Record<string, string>],
      'estateCohortSize { value }',
    );
    return cohort.estateCohortSize;
  };

  test('is counted under the association\'s own agreement in force', async () => {
    expect((await sizeUnder(terms))?.value).toBeGreaterThan(0);
  });

  test('is not counted under terms out of force or provided by another partner, whatever the gateway relays', async () => {
    expect(await sizeUnder({ ...terms, validTo: '2019-12-31' })).toBeNull();
    expect(await sizeUnder({ ...terms, validFrom: '2999-01-01' })).toBeNull();
    expect(await sizeUnder({ ...terms, provider: 'esbjerg-municipality' })).toBeNull();
  });
});
