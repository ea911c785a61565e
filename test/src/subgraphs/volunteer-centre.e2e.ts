// The volunteer centre's subgraph alone, on its own database (embedded, or PostgreSQL in CI), over
// real HTTP: every number it answers is checked against a direct SQL count on the same database.
import {
  AGE_BAND_RANGES,
  DISJOINT_AGE_BANDS,
  latestStockReferenceDate,
  today,
  type AgeBand,
  type RunningSubgraph,
} from '@hub/core';
import { volunteerCentre } from '@hub/subgraph-volunteer-centre';
import { expectedCount, pick, sqlTable } from '../disclosure/expected';
import { postGraphQL } from '../support/graphql';
import { newDataVersion, startTestSubgraph } from '../support/hub';

interface GraphQLBody {
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const DAY = '2023-06-30';
const LINES = ['HEALTH', 'CULTURE_LEISURE', 'LEARNING', 'JOB'] as const;
const AREAS = ['esbjerg', 'osterbyen', 'hedelund', 'hedelundgardparken'];
const BANDS = { AGE_6_14: [6, 14], AGE_15_17: [15, 17], AGE_0_24: [0, 24] } as const;
type Band = keyof typeof BANDS;

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startTestSubgraph(volunteerCentre);
});

afterAll(async () => {
  await running?.stop();
});

async function post(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await postGraphQL(running.url, query, variables);
  expect(response.status).toBe(200);
  return response;
}

/** Posts and expects no errors. */
async function data(query: string, variables?: Record<string, unknown>) {
  const body = await post(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return running.database.dataSource.query(text, params);
}

/** Statements the database ran while `fn` ran. */
async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  await newDataVersion(running.database.dataSource); // measures counted anew, not read from memory
  const before = running.database.statements.total;
  await fn();
  return running.database.statements.total - before;
}

/** The SQL filter of a running membership `m` of a member in the band on `day`. */
const RUNNING_IN_BAND = `m.started_on <= $1::date AND (m.ended_on IS NULL OR m.ended_on >= $1::date)
  AND m.birth_year BETWEEN extract(year FROM $1::date)::int - $3 AND extract(year FROM $1::date)::int - $2`;

/** Expected: distinct members of the band in the area (any level) in clubs of `line` (or any). */
async function expectedInArea(area: string, band: Band, line: string | null, day = DAY): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(DISTINCT m.pseudonym)::int AS n FROM membership m JOIN club c ON c.code = m.club_code
     WHERE ${RUNNING_IN_BAND}
       AND $4 IN (m.municipality_code, m.district_code, m.estate_code)
       AND ($5::text IS NULL OR c.line_of_action = $5)`,
    [day, BANDS[band][0], BANDS[band][1], area, line],
  );
  return n;
}

async function expectedInClub(club: string, band: Band, day = DAY): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    `SELECT count(DISTINCT m.pseudonym)::int AS n FROM membership m
     WHERE ${RUNNING_IN_BAND} AND m.club_code = $4`,
    [day, BANDS[band][0], BANDS[band][1], club],
  );
  return n;
}

/**
 * Expected answers apply the public disclosure method of @hub/core to the members SQL finds: a
 * club's, or an area's, distinct members per disjoint band.
 */
async function clubTable(club: string, day = DAY): Promise<string[][]> {
  const cells: string[][] = [];
  for (const band of DISJOINT_AGE_BANDS) {
    const [{ persons }] = await sql<{ persons: string[] }>(
      `SELECT coalesce(array_agg(DISTINCT m.pseudonym), '{}') AS persons FROM membership m
       WHERE ${RUNNING_IN_BAND} AND m.club_code = $4`,
      [day, AGE_BAND_RANGES[band].min, AGE_BAND_RANGES[band].max, club],
    );
    cells.push(persons);
  }
  return cells;
}

function areaTable(area: string, line: string | null, day = DAY): Promise<string[][]> {
  return sqlTable(
    (text, params) => sql(text, params),
    area,
    async (column, code, min, max) =>
      (
        await sql<{ persons: string[] }>(
          `SELECT coalesce(array_agg(DISTINCT m.pseudonym), '{}') AS persons FROM membership m JOIN club c ON c.code = m.club_code
           WHERE ${RUNNING_IN_BAND} AND m.${column} = $4 AND ($5::text IS NULL OR c.line_of_action = $5)`,
          [day, min, max, code, line],
        )
      )[0].persons,
  );
}

const inClub = async (club: string, band: Band, day = DAY) => expectedCount(await clubTable(club, day), band as AgeBand);
const inArea = async (area: string, band: Band, line: string | null) => expectedCount(await areaTable(area, line), band as AgeBand);

const lineRefs = (lines: readonly string[]) => lines.map((code) => ({ __typename: 'LineOfAction', code }));

describe('clubs and their pages', () => {
  test('clubs pages through every club of the centre in code order, with the total', async () => {
    const all = (await sql<{ code: string }>('SELECT code FROM club ORDER BY code')).map((r) => r.code);
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { clubs } = await data(
        `query ($after: String) { clubs(first: 10, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { after },
      );
      expect(clubs.totalCount).toBe(all.length);
      seen.push(...clubs.edges.map((e: { node: { code: string } }) => e.node.code));
      if (!clubs.pageInfo.hasNextPage) break;
      after = clubs.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  test('a page of more than 100 clubs is refused as bad user input', async () => {
    const body = await post('{ clubs(first: 101) { totalCount } }');
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a cursor the list never gave out is refused as bad user input', async () => {
    const body = await post('{ clubs(after: "not a cursor") { totalCount } }');
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('club gives one club with its activity, line of action and district', async () => {
    const [row] = await sql<Record<string, string>>('SELECT * FROM club ORDER BY code LIMIT 1');
    const { club } = await data(
      `query ($code: String!) { club(code: $code) {
         code name activity lineOfAction { code } district { code } } }`,
      { code: row.code },
    );
    expect(club).toEqual({
      code: row.code,
      name: row.name,
      activity: row.activity,
      lineOfAction: { code: row.line_of_action },
      district: { code: row.district_code },
    });
  });

  test('an unknown club code gives NOT_FOUND', async () => {
    const body = await post('{ club(code: "no-such-club") { name } }');
    expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test("each line of action pages through its own clubs", async () => {
    const { _entities } = await data(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on LineOfAction { code
           first: clubs(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } } }`,
      { reps: lineRefs(LINES) },
    );
    for (const line of _entities) {
      const codes = (
        await sql<{ code: string }>('SELECT code FROM club WHERE line_of_action = $1 ORDER BY code', [line.code])
      ).map((r) => r.code);
      expect(line.first.totalCount).toBe(codes.length);
      expect(line.first.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes.slice(0, 2));
      const { _entities: [rest] } = await data(
        `query ($reps: [_Any!]!, $after: String) { _entities(representations: $reps) {
           ... on LineOfAction { clubs(first: 100, after: $after) { edges { node { code } } } } } }`,
        { reps: lineRefs([line.code]), after: line.first.pageInfo.endCursor },
      );
      expect(rest.clubs.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes.slice(2));
    }
  });

  test('a page of more than 100 clubs of a line is refused as bad user input', async () => {
    const body = await post(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on LineOfAction { clubs(first: 101) { totalCount } } } }`,
      { reps: lineRefs(['HEALTH']) },
    );
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('member counts', () => {
  test("a club's members are the distinct members of the band with a running membership on the day", async () => {
    const { clubs } = await data(
      `query ($on: LocalDate) { clubs(first: 100) { edges { node { code
         all: members(on: $on) { value numerator denominator unit }
         teens: members(ageBand: AGE_15_17, on: $on) { value }
         today: members { value } } } } }`,
      { on: DAY },
    );
    const latest = latestStockReferenceDate(today());
    let total = 0;
    for (const { node } of clubs.edges) {
      const all = await expectedInClub(node.code, 'AGE_0_24');
      expect(node.all).toEqual(pick(await inClub(node.code, 'AGE_0_24'), 'value', 'numerator', 'denominator', 'unit'));
      expect(node.teens).toEqual(pick(await inClub(node.code, 'AGE_15_17'), 'value'));
      expect(node.today).toEqual(pick(await inClub(node.code, 'AGE_0_24', latest), 'value'));
      total += all;
    }
    expect(total).toBeGreaterThan(0);
  });

  test("a club's members are counted once per version of the data: asked again from memory, after a write anew", async () => {
    const [{ code, district_code: district }] = await sql<{ code: string; district_code: string }>(
      'SELECT code, district_code FROM club ORDER BY code LIMIT 1',
    );
    const ask = async () => (await data(`{ club(code: "${code}") { members(on: "${DAY}") { value } } }`)).club.members.value;
    const statements = async () => {
      const before = running.database.statements.total;
      await ask();
      return running.database.statements.total - before;
    };
    const counted = await statementsOf(ask);
    expect(await statements()).toBe(counted - 1);
    const before = await ask();
    const newcomers = ['c', 'd', 'e'].map((digit) => digit.repeat(64));
    for (const pseudonym of newcomers) {
      await sql(
        `INSERT INTO membership (pseudonym, birth_year, municipality_code, district_code, club_code, started_on)
         VALUES ($1, 2010, 'esbjerg', $2, $3, '2020-01-01')`,
        [pseudonym, district, code],
      );
    }
    expect(await statements()).toBe(counted);
    expect(await ask()).toBe((await inClub(code, 'AGE_0_24')).value);
    await sql('DELETE FROM membership WHERE pseudonym = ANY($1)', [newcomers]);
    expect(await ask()).toBe(before);
  });

  test('clubMembership counts distinct persons of the band in the area with a running membership of a club of the line', async () => {
    for (const area of AREAS) {
      const { _entities } = await data(
        `query ($reps: [_Any!]!, $area: String!, $on: LocalDate) { _entities(representations: $reps) {
           ... on LineOfAction { code
             teens: clubMembership(area: $area, on: $on) { value numerator denominator unit }
             children: clubMembership(area: $area, ageBand: AGE_6_14, on: $on) { value } } } }`,
        { reps: lineRefs(LINES), area, on: DAY },
      );
      for (const line of _entities) {
        expect(line.teens).toEqual(
          pick(await inArea(area, 'AGE_15_17', line.code), 'value', 'numerator', 'denominator', 'unit'),
        );
        expect(line.children).toEqual(pick(await inArea(area, 'AGE_6_14', line.code), 'value'));
      }
    }
    expect(await expectedInArea('esbjerg', 'AGE_15_17', 'HEALTH')).toBeGreaterThan(0);
  });

  test('volunteerClubMembers counts members across all lines, a person in clubs of two lines once', async () => {
    const { _entities } = await data(
      `query ($reps: [_Any!]!, $on: LocalDate) { _entities(representations: $reps) {
         ... on LineOfAction { code
           all: volunteerClubMembers(area: "esbjerg", ageBand: AGE_6_14, on: $on) { value unit }
           perLine: clubMembership(area: "esbjerg", ageBand: AGE_6_14, on: $on) { value } } } }`,
      { reps: lineRefs(LINES), on: DAY },
    );
    const all = await expectedInArea('esbjerg', 'AGE_6_14', null);
    let sumOfLines = 0;
    for (const line of _entities) {
      expect(line.all).toEqual(pick(await inArea('esbjerg', 'AGE_6_14', null), 'value', 'unit'));
      expect(line.perLine).toEqual(pick(await inArea('esbjerg', 'AGE_6_14', line.code), 'value'));
      sumOfLines += await expectedInArea('esbjerg', 'AGE_6_14', line.code);
    }
    // Some children are in a sports club and another club at once: they count once here.
    expect(sumOfLines).toBeGreaterThan(all);
    for (const area of AREAS) {
      const { _entities: [line] } = await data(
        `query ($reps: [_Any!]!, $area: String!, $on: LocalDate) { _entities(representations: $reps) {
           ... on LineOfAction { volunteerClubMembers(area: $area, on: $on) { value } } } }`,
        { reps: lineRefs(['JOB']), area, on: DAY },
      );
      expect(line.volunteerClubMembers).toEqual(pick(await inArea(area, 'AGE_15_17', null), 'value'));
    }
  });

  test('an unknown area gives NOT_FOUND for both area measures', async () => {
    for (const field of ['clubMembership', 'volunteerClubMembers']) {
      const body = await post(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) {
           ... on LineOfAction { ${field}(area: "atlantis") { value } } } }`,
        { reps: lineRefs(['HEALTH']) },
      );
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'area', value: 'atlantis' });
    }
  });
});

describe('persons, areas and references', () => {
  test("a person's club memberships are listed oldest first, each with its club", async () => {
    const people = await sql<{ pseudonym: string }>(
      `SELECT pseudonym FROM membership GROUP BY pseudonym HAVING count(*) >= 2 ORDER BY pseudonym LIMIT 5`,
    );
    expect(people).toHaveLength(5);
    const { _entities } = await data(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Person { pseudonym clubMemberships { startedOn endedOn club { code lineOfAction { code } } } } } }`,
      { reps: people.map((p) => ({ __typename: 'Person', pseudonym: p.pseudonym })) },
    );
    for (const person of _entities) {
      const rows = await sql<{ code: string; line: string; started_on: string; ended_on: string | null }>(
        `SELECT c.code, c.line_of_action AS line, m.started_on::text, m.ended_on::text
         FROM membership m JOIN club c ON c.code = m.club_code
         WHERE m.pseudonym = $1 ORDER BY m.started_on, m.id`,
        [person.pseudonym],
      );
      expect(person.clubMemberships).toEqual(
        rows.map((r) => ({
          startedOn: r.started_on,
          endedOn: r.ended_on,
          club: { code: r.code, lineOfAction: { code: r.line } },
        })),
      );
    }
  });

  test('a person the centre has no membership for has no memberships, not a null that would tell so before any access check', async () => {
    const { _entities } = await data(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { pseudonym clubMemberships { startedOn } } } }`,
      { reps: [{ __typename: 'Person', pseudonym: '0'.repeat(64) }] },
    );
    expect(_entities).toEqual([{ pseudonym: '0'.repeat(64), clubMemberships: [] }]);
  });

  test('a district lists the clubs based in it; an estate has none; an unknown area is null', async () => {
    const { _entities } = await data(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Area { code clubs { code district { code } } } } }`,
      { reps: ['osterbyen', 'hedelund', 'stengardsvej', 'atlantis'].map((code) => ({ __typename: 'Area', code })) },
    );
    for (const area of _entities.slice(0, 3)) {
      const codes = await sql<{ code: string }>('SELECT code FROM club WHERE district_code = $1 ORDER BY code', [
        area.code,
      ]);
      expect(area.clubs).toEqual(codes.map((r) => ({ code: r.code, district: { code: area.code } })));
    }
    expect(_entities[0].clubs.length).toBeGreaterThan(0);
    expect(_entities[2].clubs).toEqual([]);
    expect(_entities[3]).toBeNull();
  });

  test('club and line of action references resolve, and unknown keys resolve to null', async () => {
    const { _entities } = await data(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Club { code name } ... on LineOfAction { line: code } } }`,
      {
        reps: [
          { __typename: 'Club', code: 'osterbyens-boldklub' },
          { __typename: 'Club', code: 'no-such-club' },
          { __typename: 'LineOfAction', code: 'JOB' },
          { __typename: 'LineOfAction', code: 'NO_SUCH_LINE' },
        ],
      },
    );
    const [{ name }] = await sql<{ name: string }>("SELECT name FROM club WHERE code = 'osterbyens-boldklub'");
    expect(_entities).toEqual([{ code: 'osterbyens-boldklub', name }, null, { line: 'JOB' }, null]);
  });
});

describe('the number of SQL statements does not grow with the number of rows', () => {
  test('for a page of clubs with their members', async () => {
    const query = `query ($first: Int!) { clubs(first: $first) { edges { node {
      name lineOfAction { code } district { code } members(on: "${DAY}") { value } } } } }`;
    const one = await statementsOf(() => data(query, { first: 1 }));
    const many = await statementsOf(() => data(query, { first: 100 }));
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
  });

  test('for persons with their memberships and clubs', async () => {
    const people = await sql<{ pseudonym: string }>('SELECT DISTINCT pseudonym FROM membership ORDER BY 1 LIMIT 50');
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Person { clubMemberships { startedOn club { name members { value } } } } } }`;
    const reps = people.map((p) => ({ __typename: 'Person', pseudonym: p.pseudonym }));
    const one = await statementsOf(() => data(query, { reps: reps.slice(0, 1) }));
    const many = await statementsOf(() => data(query, { reps }));
    expect(many).toBe(one);
  });

  test('for lines of action with their clubs and area measures', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on LineOfAction { clubs { edges { node { name } } }
        osterbyen: clubMembership(area: "osterbyen") { value }
        esbjerg: clubMembership(area: "esbjerg", ageBand: AGE_18_24) { value }
        volunteerClubMembers(area: "osterbyen") { value } } } }`;
    const one = await statementsOf(() => data(query, { reps: lineRefs(['HEALTH']) }));
    const many = await statementsOf(() => data(query, { reps: lineRefs(LINES) }));
    expect(many).toBe(one);
  });

  test('for districts with their clubs', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Area { clubs { name members { value } } } } }`;
    const districts = ['osterbyen', 'hedelund', 'kvaglund', 'saedding', 'jerne', 'centrum'];
    const reps = districts.map((code) => ({ __typename: 'Area', code }));
    const one = await statementsOf(() => data(query, { reps: reps.slice(0, 1) }));
    const many = await statementsOf(() => data(query, { reps }));
    expect(many).toBe(one);
  });
});
