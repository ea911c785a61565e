// The municipality's subgraph alone, on its own database (embedded, or PostgreSQL in CI): every answer checked against SQL
// on the same database.
import { AgeBand, meanSuppression, SuppressionReason, type MeasureAnswer as MeasureShape, type RunningSubgraph } from '@hub/core';
import { municipality } from '@hub/subgraph-municipality';
import { expectedCount, expectedMean, expectedShare, MEASURE_FIELDS, sqlTable, type SharePersons } from '../disclosure/expected';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { newDataVersion, startTestSubgraph } from '../support/hub';

const ON = '2026-06-30';
const YEAR = 2026;

/** Every measure is selected whole and compared with SQL after the public disclosure rules. */
const MEASURE = MEASURE_FIELDS;

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startTestSubgraph(municipality);
});
afterAll(() => running?.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL
const sql = (text: string, params: unknown[] = []): Promise<any[]> =>
  running.database.dataSource.query(text, params);

async function query<T = Record<string, unknown>>(text: string, variables?: Record<string, unknown>) {
  const response = await postGraphQL<T>(running.url, text, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** SQL statements the subgraph ran to answer one request. */
async function statementsFor(text: string, variables?: Record<string, unknown>): Promise<number> {
  const before = running.database.statements.total;
  await query(text, variables);
  return running.database.statements.total - before;
}

const errorCodes = (response: GraphQLResponse) => response.errors?.map((e) => e.extensions?.code);

/** The persons of an area per disjoint band: all of them, and those with `status`. */
const tableOf = (area: string, status: string | null) =>
  sqlTable(sql, area, (column, code, min, max) => personsIn(column, code, min, max, status));

/** The population's persons, per disjoint band. */
const sizes = (table: SharePersons[]) => table.map((cell) => cell.denominator);

/** The persons in the area with code `areaCode` of the level `column` names, written out by hand. */
async function personsIn(
  column: string,
  areaCode: string,
  minAge: number,
  maxAge: number,
  status: string | null,
): Promise<SharePersons> {
  const [row] = await sql(
    `SELECT coalesce(array_agg(p.pseudonym), '{}') AS denominator,
            coalesce(array_agg(p.pseudonym) FILTER (WHERE EXISTS (
              SELECT 1 FROM youth_status_spell s WHERE s.pseudonym = p.pseudonym
                AND s.status = $5 AND s.started_on <= $2
                AND (s.ended_on IS NULL OR s.ended_on >= $2))), '{}') AS numerator
     FROM person p WHERE p.${column} = $1 AND $3 - p.birth_year BETWEEN $4 AND $6`,
    [areaCode, ON, YEAR, minAge, status, maxAge],
  );
  return row as SharePersons;
}

describe('areas', () => {
  it('lists every area of the register, and those of one kind', async () => {
    const data = await query<{ all: AreaPage; districts: AreaPage }>(
      `{ all: areas(first: 100) { totalCount edges { node { code } } }
         districts: areas(kind: DISTRICT, first: 100) { totalCount edges { node { code kind } } } }`,
    );
    const all = await sql('SELECT code FROM area_reference ORDER BY code');
    expect(data.all.edges.map((e) => e.node.code)).toEqual(all.map((r) => r.code));
    expect(data.all.totalCount).toBe(all.length);
    const districts = await sql(`SELECT code FROM area_reference WHERE kind = 'DISTRICT' ORDER BY code`);
    expect(data.districts.edges.map((e) => e.node.code)).toEqual(districts.map((r) => r.code));
    expect(data.districts.totalCount).toBe(districts.length);
    expect(data.districts.edges.every((e) => e.node.kind === 'DISTRICT')).toBe(true);
  });

  it('pages through the areas with first and after', async () => {
    const codes = (await sql('SELECT code FROM area_reference ORDER BY code')).map((r) => r.code);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { areas }: { areas: AreaPage } = await query(
        'query ($after: String) { areas(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }',
        { after },
      );
      expect(areas.totalCount).toBe(codes.length);
      seen.push(...areas.edges.map((e) => e.node.code));
      if (!areas.pageInfo.hasNextPage) break;
      after = areas.pageInfo.endCursor;
    }
    expect(seen).toEqual(codes);
  });

  it('refuses a page of more than 100 areas and a cursor it never gave out', async () => {
    const tooMany = await postGraphQL(running.url, '{ areas(first: 101) { totalCount } }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const forged = await postGraphQL(running.url, '{ areas(after: "not a cursor!") { totalCount } }');
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers an area with its parent, children and schools', async () => {
    const fields = '{ code name kind parent { code } children { code } schools { code } }';
    const data = await query<Record<string, AreaShape>>(
      `{ esbjerg: area(code: "esbjerg") ${fields}
         osterbyen: area(code: "osterbyen") ${fields}
         estate: area(code: "hedelundgardparken") ${fields} }`,
    );
    for (const area of Object.values(data)) {
      const [row] = await sql('SELECT name, kind, parent_code FROM area_reference WHERE code = $1', [area.code]);
      expect(area).toMatchObject({ name: row.name, kind: row.kind, parent: row.parent_code && { code: row.parent_code } });
      const children = await sql('SELECT code FROM area_reference WHERE parent_code = $1 ORDER BY code', [area.code]);
      expect(area.children.map((c) => c.code)).toEqual(children.map((r) => r.code));
    }
    const allSchools = await sql('SELECT code FROM school ORDER BY code');
    expect(data.esbjerg.schools.map((s) => s.code)).toEqual(allSchools.map((r) => r.code));
    const osterbyenSchools = await sql(`SELECT code FROM school WHERE district_code = 'osterbyen' ORDER BY code`);
    expect(data.osterbyen.schools.map((s) => s.code)).toEqual(osterbyenSchools.map((r) => r.code));
    expect(data.osterbyen.schools.length).toBeGreaterThan(0);
    expect(data.estate.schools).toEqual([]);
  });

  it('gives NOT_FOUND for an unknown area code', async () => {
    const response = await postGraphQL(running.url, '{ area(code: "atlantis") { code } }');
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.errors?.[0].extensions).toMatchObject({ argument: 'code', value: 'atlantis' });
  });

  it('resolves area references, and null for an unknown code', async () => {
    const data = await query<{ _entities: (AreaShape | null)[] }>(
      `{ _entities(representations: [
           { __typename: "Area", code: "stengardsvej" }, { __typename: "Area", code: "atlantis" }
         ]) { ... on Area { code name kind parent { code } } } }`,
    );
    expect(data._entities).toEqual([
      { code: 'stengardsvej', name: 'Stengårdsvej', kind: 'ESTATE', parent: { code: 'osterbyen' } },
      null,
    ]);
  });

  it('runs as many SQL statements for one area as for all of them', async () => {
    const list = (first: number) =>
      `{ areas(first: ${first}) { edges { node { code parent { code } children { code } schools { code district { code }
           wellBeing { value } } } } } }`;
    const one = await statementsFor(list(1));
    const all = await statementsFor(list(100));
    expect(all).toBe(one);
  });
});

describe('persons', () => {
  const PERSON_FIELDS = `pseudonym birthYear district { code } estate { code }
    youthStatus(on: "${ON}") youthStatusHistory { status startedOn endedOn }`;

  async function expectPersonFromRegister(person: PersonShape) {
    const [row] = await sql('SELECT birth_year, district_code, estate_code FROM person WHERE pseudonym = $1', [
      person.pseudonym,
    ]);
    expect(person.birthYear).toBe(row.birth_year);
    expect(person.district).toEqual({ code: row.district_code });
    expect(person.estate).toEqual(row.estate_code && { code: row.estate_code });
    const history = await sql(
      `SELECT status, to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(ended_on, 'YYYY-MM-DD') AS "endedOn"
       FROM youth_status_spell WHERE pseudonym = $1 ORDER BY started_on, id`,
      [person.pseudonym],
    );
    expect(person.youthStatusHistory).toEqual(history);
    const [current] = await sql(
      `SELECT status FROM youth_status_spell WHERE pseudonym = $1
         AND started_on <= $2 AND (ended_on IS NULL OR ended_on >= $2)`,
      [person.pseudonym, ON],
    );
    const age = YEAR - person.birthYear;
    expect(person.youthStatus).toBe(age >= 15 && age <= 24 ? (current?.status ?? null) : null);
  }

  it('answers a young person with district, estate and youth status from the register', async () => {
    const [young] = await sql(
      `SELECT p.pseudonym FROM person p JOIN youth_status_spell s ON s.pseudonym = p.pseudonym
       WHERE p.estate_code IS NOT NULL AND s.started_on <= $1 AND (s.ended_on IS NULL OR s.ended_on >= $1)
       ORDER BY p.pseudonym LIMIT 1`,
      [ON],
    );
    const { person } = await query<{ person: PersonShape }>(
      `query ($p: ID!) { person(pseudonym: $p) { ${PERSON_FIELDS} } }`,
      { p: young.pseudonym },
    );
    expect(person.youthStatus).not.toBeNull();
    expect(person.estate).not.toBeNull();
    expect(person.youthStatusHistory.length).toBeGreaterThan(0);
    await expectPersonFromRegister(person);
  });

  it('gives no youth status outside the ages 15-24, even on a day the register covered them', async () => {
    const [older] = await sql(
      `SELECT p.pseudonym, min(s.started_on)::text AS first_day FROM person p
       JOIN youth_status_spell s ON s.pseudonym = p.pseudonym
       WHERE $1 - p.birth_year BETWEEN 26 AND 30 GROUP BY p.pseudonym ORDER BY p.pseudonym LIMIT 1`,
      [YEAR],
    );
    const { person } = await query<{ person: { now: string | null; then: string | null } }>(
      `query ($p: ID!, $then: LocalDate) { person(pseudonym: $p) {
         now: youthStatus(on: "${ON}") then: youthStatus(on: $then) } }`,
      { p: older.pseudonym, then: older.first_day },
    );
    expect(person.now).toBeNull();
    expect(person.then).not.toBeNull();
  });

  it('returns null for an unknown pseudonym and BAD_USER_INPUT for something that is not one', async () => {
    const unknown = await query<{ person: null }>(`{ person(pseudonym: "${'0'.repeat(64)}") { pseudonym } }`);
    expect(unknown.person).toBeNull();
    const malformed = await postGraphQL(running.url, '{ person(pseudonym: "010203-1234") { pseudonym } }');
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves person references from other partners, and null for an unknown pseudonym', async () => {
    const rows = await sql('SELECT pseudonym FROM person ORDER BY pseudonym DESC LIMIT 3');
    const representations = [...rows, { pseudonym: 'f'.repeat(64) }].map((r) => ({
      __typename: 'Person',
      pseudonym: r.pseudonym,
    }));
    const data = await query<{ _entities: (PersonShape | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`,
      { r: representations },
    );
    expect(data._entities).toHaveLength(4);
    expect(data._entities[3]).toBeNull();
    for (const person of data._entities.slice(0, 3)) await expectPersonFromRegister(person as PersonShape);
  });

  it('runs as many SQL statements for one person reference as for fifty', async () => {
    const referencesTo = async (count: number) =>
      (await sql('SELECT pseudonym FROM person ORDER BY pseudonym LIMIT $1', [count])).map((r) => ({
        __typename: 'Person',
        pseudonym: r.pseudonym,
      }));
    const text = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;
    const one = await statementsFor(text, { r: await referencesTo(1) });
    const fifty = await statementsFor(text, { r: await referencesTo(50) });
    expect(fifty).toBe(one);
  });
});

describe('schools', () => {
  it('answers a school\'s district and its well-being survey, the latest one when no year is given', async () => {
    const data = await query<{ _entities: SchoolShape[] }>(
      `{ _entities(representations: [{ __typename: "School", code: "urbanskolen" }]) {
           ... on School { code name district { code } latest: wellBeing ${MEASURE}
             y2020: wellBeing(schoolYear: 2020) ${MEASURE} none: wellBeing(schoolYear: 1990) ${MEASURE} } } }`,
    );
    const [school] = data._entities;
    const [row] = await sql(`SELECT name, district_code FROM school WHERE code = 'urbanskolen'`);
    expect(school).toMatchObject({ code: 'urbanskolen', name: row.name, district: { code: row.district_code } });
    const survey = async (year: string) => {
      const [s] = await sql(
        `SELECT respondents, mean_score::float AS mean FROM well_being_survey
         WHERE school_code = 'urbanskolen' AND school_year = ${year}`,
      );
      return expectedMean(s.mean, s.respondents);
    };
    expect(school.latest).toEqual(
      await survey(`(SELECT max(school_year) FROM well_being_survey WHERE school_code = 'urbanskolen')`),
    );
    expect(school.y2020).toEqual(await survey('2020'));
    expect(school.none).toBeNull();
  });

  it('resolves null for an unknown school', async () => {
    const data = await query<{ _entities: null[] }>(
      '{ _entities(representations: [{ __typename: "School", code: "hogwarts" }]) { ... on School { code } } }',
    );
    expect(data._entities).toEqual([null]);
  });
});

describe('the municipality\'s measures on a line of action', () => {
  const lineQuery = (line: string, fields: string) =>
    `{ _entities(representations: [{ __typename: "LineOfAction", code: "${line}" }]) { ... on LineOfAction { ${fields} } } }`;
  const measuresOf = async (line: string, fields: string) =>
    (await query<{ _entities: Record<string, MeasureShape>[] }>(lineQuery(line, fields)))._entities[0];

  it('takes the NEET and in-education shares of 15-24-year-olds from the youth guidance register', async () => {
    const measures = await measuresOf(
      'JOB',
      `neet: neetShare(area: "hedelundgardparken", on: "${ON}") ${MEASURE}
       neetTeens: neetShare(area: "osterbyen", ageBand: AGE_15_17, on: "${ON}") ${MEASURE}
       education: inEducationShare(area: "esbjerg", on: "${ON}") ${MEASURE}`,
    );
    const neet = await tableOf('hedelundgardparken', 'NEITHER');
    expect(neet.some((cell) => cell.numerator.length > 0)).toBe(true);
    expect(measures.neet).toEqual(expectedShare(neet, AgeBand.AGE_15_24));
    expect(measures.neetTeens).toEqual(expectedShare(await tableOf('osterbyen', 'NEITHER'), AgeBand.AGE_15_17));
    expect(measures.education).toEqual(expectedShare(await tableOf('esbjerg', 'EDUCATION'), AgeBand.AGE_15_24));
  });

  it('counts the population of 0-24-year-olds, or of another age band', async () => {
    const measures = await measuresOf(
      'LEARNING',
      `all: population(area: "osterbyen", on: "${ON}") ${MEASURE}
       teens: population(area: "stengardsvej", ageBand: AGE_15_17, on: "${ON}") ${MEASURE}`,
    );
    const osterbyen = sizes(await tableOf('osterbyen', null));
    expect(measures.all).toEqual(expectedCount(osterbyen, AgeBand.AGE_0_24));
    // Perturbation moves a count by at most 2 persons.
    const persons = (await personsIn('district_code', 'osterbyen', 0, 24, null)).denominator.length;
    expect(Math.abs(measures.all.value! - persons)).toBeLessThanOrEqual(2);
    const stengardsvej = sizes(await tableOf('stengardsvej', null));
    expect(measures.teens).toEqual(expectedCount(stengardsvej, AgeBand.AGE_15_17));
  });

  it('weighs the mean well-being of an area\'s schools by their respondents', async () => {
    const measures = await measuresOf(
      'HEALTH',
      `osterbyen: wellBeing(area: "osterbyen", schoolYear: 2020) ${MEASURE}
       esbjerg: wellBeing(area: "esbjerg") ${MEASURE}
       estate: wellBeing(area: "hedelundgardparken") ${MEASURE}`,
    );
    const weighted = async (where: string, year: string) => {
      const [row] = await sql(
        `SELECT sum(w.respondents)::int AS respondents,
                (sum(w.respondents * w.mean_score) / sum(w.respondents))::float AS mean,
                min(w.respondents)::int AS fewest
         FROM well_being_survey w JOIN school s ON s.code = w.school_code
         WHERE ${where} AND w.school_year = ${year}`,
      );
      // An area's mean is withheld when one of its schools' would be (area − other schools).
      const secondary = meanSuppression(row.fewest) ? SuppressionReason.SECONDARY : null;
      return expectedMean(row.mean, row.respondents, secondary);
    };
    expect(measures.osterbyen).toEqual(await weighted(`s.district_code = 'osterbyen'`, '2020'));
    expect(measures.esbjerg).toEqual(await weighted('true', '(SELECT max(school_year) FROM well_being_survey)'));
    expect(measures.esbjerg.suppressed).toBe(false);
    // No school, no respondents: withheld like any group below the threshold, with null figures.
    expect(measures.estate).toEqual(expectedMean(null, 0));
  });

  it('gives every line of action the same answers, and the default age bands', async () => {
    const fields = `neetShare(area: "osterbyen", on: "${ON}") ${MEASURE}
      banded: neetShare(area: "osterbyen", ageBand: AGE_15_24, on: "${ON}") ${MEASURE}
      population(area: "osterbyen", on: "${ON}") ${MEASURE}
      populationBanded: population(area: "osterbyen", ageBand: AGE_0_24, on: "${ON}") ${MEASURE}
      wellBeing(area: "esbjerg", schoolYear: 2019) ${MEASURE}`;
    const job = await measuresOf('JOB', fields);
    expect(job.neetShare).toEqual(job.banded);
    expect(job.population).toEqual(job.populationBanded);
    for (const line of ['HEALTH', 'CULTURE_LEISURE', 'LEARNING']) expect(await measuresOf(line, fields)).toEqual(job);
  });

  it('gives NOT_FOUND for a measure of an unknown area', async () => {
    for (const field of ['neetShare', 'inEducationShare', 'population', 'wellBeing']) {
      const response = await postGraphQL(running.url, lineQuery('JOB', `${field}(area: "atlantis") { value }`));
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
  });

  it('runs as many SQL statements for one area\'s measures as for every area\'s', async () => {
    const areas = (await sql('SELECT code FROM area_reference ORDER BY code')).map((r) => r.code as string);
    const fieldsFor = (codes: string[]) =>
      codes
        .map(
          (code, i) => `n${i}: neetShare(area: "${code}", on: "${ON}") { value }
            e${i}: inEducationShare(area: "${code}", on: "${ON}") { value }
            p${i}: population(area: "${code}", on: "${ON}") { value }
            w${i}: wellBeing(area: "${code}") { value }`,
        )
        .join('\n');
    // Counted anew each time (a new version of the data), not read from memory.
    await newDataVersion(running.database.dataSource);
    const one = await statementsFor(lineQuery('JOB', fieldsFor(areas.slice(0, 1))));
    await newDataVersion(running.database.dataSource);
    const all = await statementsFor(lineQuery('JOB', fieldsFor(areas)));
    // One read of the data's version before the query runs, and one count per measure loader,
    // whatever the areas.
    expect(one).toBe(5);
    expect(all).toBe(one);
  });
});

interface AreaPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { code: string; kind?: string } }[];
}

interface AreaShape {
  code: string;
  name: string;
  kind: string;
  parent: { code: string } | null;
  children: { code: string }[];
  schools: { code: string }[];
}

interface PersonShape {
  pseudonym: string;
  birthYear: number;
  district: { code: string };
  estate: { code: string } | null;
  youthStatus: string | null;
  youthStatusHistory: { status: string; startedOn: string; endedOn: string | null }[];
}

interface SchoolShape {
  code: string;
  name: string;
  district: { code: string };
  latest: MeasureShape;
  y2020: MeasureShape;
  none: MeasureShape | null;
}
