import { startHub, type TestHub } from '../support/hub';
import { AgeBand, type PartnerName } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { staffToken } from '../support/identity';
import { expectedCount, pick, sqlTable } from '../disclosure/expected';

const ON = '2026-06-30';

interface Code {
  code: string;
}

interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

interface AreaAnswer {
  name: string;
  residents: { value: number | null; unit: string };
  departments: { code: string; units: number }[];
  clubs: Code[];
}

interface PersonAnswer {
  birthYear: number;
  youthStatusHistory: unknown[];
  employment: unknown[];
  tenancy: unknown;
  clubMemberships: { club: Code }[];
}

interface LineAnswer {
  code: string;
  initiatives: Connection<Code>;
  clubs: Connection<{ lineOfAction: Code }>;
}

describe('cross-sector queries through the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ persons: 1000 });
  });
  afterAll(() => hub?.stop());

  const sql = (partner: keyof TestHub['subgraphs'], text: string, params: unknown[] = []) =>
    hub.subgraphs[partner].database.dataSource.query(text, params);

  it('describes an estate with the municipality\'s, the housing association\'s and the volunteer centre\'s fields', async () => {
    const response = await postGraphQL<{ area: AreaAnswer }>(
      hub.gatewayUrl,
      `query ($on: LocalDate) {
        area(code: "hedelundgardparken") {
          name kind parent { code name }
          residents(ageBand: AGE_15_24, on: $on) { value unit }
          departments { code units }
          clubs { code }
        }
      }`,
      { on: ON },
    );
    expect(response.errors).toBeUndefined();
    const area = response.data!.area;
    const [reference] = await sql(
      'municipality',
      `SELECT a.name, a.kind, p.code AS parent_code, p.name AS parent_name
       FROM area_reference a JOIN area_reference p ON p.code = a.parent_code WHERE a.code = $1`,
      ['hedelundgardparken'],
    );
    expect(area).toMatchObject({
      name: reference.name,
      kind: 'ESTATE',
      parent: { code: reference.parent_code, name: reference.parent_name },
    });
    const residents = await sqlTable(
      (text, params) => sql('housing-association', text, params),
      'hedelundgardparken',
      async (column, code, min, max) =>
        (
          await sql(
            'housing-association',
            `SELECT coalesce(array_agg(pseudonym), '{}') AS persons FROM tenancy WHERE ${column} = $1
               AND 2026 - birth_year BETWEEN $3 AND $4 AND moved_in_on <= $2
               AND (moved_out_on IS NULL OR moved_out_on >= $2)`,
            [code, ON, min, max],
          )
        )[0].persons as string[],
    );
    expect(area.residents).toEqual(pick(expectedCount(residents, AgeBand.AGE_15_24), 'value', 'unit'));
    const departments = await sql(
      'housing-association',
      `SELECT code, units FROM department WHERE estate_code = 'hedelundgardparken' ORDER BY code`,
    );
    expect(area.departments).toEqual(departments);
    expect(area.clubs).toEqual([]); // clubs are based in districts, not in estates
  });

  it('follows one young person across four partners, each partner\'s staff seeing its own records', async () => {
    const [member] = await sql(
      'volunteer-centre',
      `SELECT pseudonym FROM membership WHERE estate_code IS NOT NULL AND 2026 - birth_year BETWEEN 18 AND 24
       ORDER BY pseudonym LIMIT 1`,
    );
    const ask = async <T>(partner: PartnerName, fields: string) => {
      const response = await postGraphQL<{ person: T }>(
        hub.gatewayUrl,
        `query ($pseudonym: ID!) { person(pseudonym: $pseudonym) { ${fields} } }`,
        { pseudonym: member.pseudonym },
        await staffToken(partner),
      );
      expect(response.errors).toBeUndefined();
      return response.data!.person;
    };

    const registered = await ask<PersonAnswer>('municipality', 'birthYear district { code } estate { code } youthStatusHistory { status }');
    const [row] = await sql('municipality', 'SELECT birth_year, district_code, estate_code FROM person WHERE pseudonym = $1', [member.pseudonym]);
    expect(registered).toMatchObject({
      birthYear: row.birth_year,
      district: { code: row.district_code },
      estate: { code: row.estate_code },
    });
    const statuses = await sql('municipality', 'SELECT count(*)::int AS n FROM youth_status_spell WHERE pseudonym = $1', [member.pseudonym]);
    expect(registered.youthStatusHistory).toHaveLength(statuses[0].n);

    const jobcentre = await ask<PersonAnswer>('jobcentre', 'employment { kind startedOn }');
    const jobs = await sql('jobcentre', 'SELECT count(*)::int AS n FROM employment_spell WHERE pseudonym = $1', [member.pseudonym]);
    expect(jobcentre.employment).toHaveLength(jobs[0].n);

    const housing = await ask<PersonAnswer>('housing-association', 'tenancy { unitNumber department { code } }');
    const [tenancy] = await sql('housing-association', 'SELECT department_code, unit_number FROM tenancy WHERE pseudonym = $1', [member.pseudonym]);
    expect(housing.tenancy).toEqual({ unitNumber: tenancy.unit_number, department: { code: tenancy.department_code } });

    const volunteer = await ask<PersonAnswer>('volunteer-centre', 'clubMemberships { club { code } startedOn }');
    const clubs = await sql('volunteer-centre', 'SELECT club_code FROM membership WHERE pseudonym = $1 ORDER BY started_on, id', [member.pseudonym]);
    expect(volunteer.clubMemberships.map((m) => m.club.code)).toEqual(clubs.map((c: { club_code: string }) => c.club_code));
  });

  it('answers null for a pseudonym nobody knows', async () => {
    const response = await postGraphQL(
      hub.gatewayUrl,
      `{ person(pseudonym: "${'0'.repeat(64)}") { birthYear } }`,
      undefined,
      await staffToken('municipality'),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: null });
  });

  it('lists every line of action with the foundation\'s initiatives and the volunteer centre\'s clubs', async () => {
    const response = await postGraphQL<{ linesOfAction: LineAnswer[] }>(
      hub.gatewayUrl,
      '{ linesOfAction { code initiatives(first: 2) { totalCount } clubs(first: 2) { totalCount edges { node { lineOfAction { code } } } } } }',
    );
    expect(response.errors).toBeUndefined();
    const initiatives = await sql('foundation', 'SELECT line_of_action, count(*)::int AS n FROM initiative GROUP BY 1');
    const clubs = await sql('volunteer-centre', 'SELECT line_of_action, count(*)::int AS n FROM club GROUP BY 1');
    const count = (rows: { line_of_action: string; n: number }[], code: string) =>
      rows.find((row) => row.line_of_action === code)?.n ?? 0;
    expect(response.data!.linesOfAction.map((line) => line.code)).toEqual(['CULTURE_LEISURE', 'HEALTH', 'JOB', 'LEARNING']);
    for (const line of response.data!.linesOfAction) {
      expect(line.initiatives.totalCount).toBe(count(initiatives, line.code));
      expect(line.clubs.totalCount).toBe(count(clubs, line.code));
      for (const edge of line.clubs.edges) expect(edge.node.lineOfAction.code).toBe(line.code);
    }
  });

  it('pages through all partners with cursors, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const response: { data?: { partners: Connection<Code> } } = await postGraphQL(
        hub.gatewayUrl,
        'query ($after: String) { partners(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }',
        { after },
      );
      const partners = response.data!.partners;
      seen.push(...partners.edges.map((edge) => edge.node.code));
      if (!partners.pageInfo.hasNextPage) break;
      after = partners.pageInfo.endCursor;
    }
    const rows = await sql('foundation', 'SELECT code FROM partner ORDER BY code');
    expect(seen).toEqual(rows.map((row: { code: string }) => row.code));
  });
});
