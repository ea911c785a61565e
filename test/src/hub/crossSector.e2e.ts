import { startHub, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';

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
  residents: { value: number; unit: string };
  departments: { code: string; units: number }[];
  clubs: Code[];
}

interface PersonAnswer {
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
    const [{ residents }] = await sql(
      'housing-association',
      `SELECT count(*)::int AS residents FROM tenancy WHERE estate_code = 'hedelundgardparken'
         AND 2026 - birth_year BETWEEN 15 AND 24 AND moved_in_on <= $1
         AND (moved_out_on IS NULL OR moved_out_on >= $1)`,
      [ON],
    );
    expect(area.residents).toEqual({ value: residents, unit: 'COUNT' });
    const departments = await sql(
      'housing-association',
      `SELECT code, units FROM department WHERE estate_code = 'hedelundgardparken' ORDER BY code`,
    );
    expect(area.departments).toEqual(departments);
    expect(area.clubs).toEqual([]); // clubs are based in districts, not in estates
  });

  it('follows one young person across four partners by pseudonym', async () => {
    const [member] = await sql(
      'volunteer-centre',
      `SELECT pseudonym FROM membership WHERE estate_code IS NOT NULL AND 2026 - birth_year BETWEEN 18 AND 24
       ORDER BY pseudonym LIMIT 1`,
    );
    const response = await postGraphQL<{ person: PersonAnswer }>(
      hub.gatewayUrl,
      `query ($pseudonym: ID!) {
        person(pseudonym: $pseudonym) {
          birthYear district { code } estate { code }
          youthStatusHistory { status startedOn }
          employment { kind startedOn }
          tenancy { unitNumber department { code } }
          clubMemberships { club { code } startedOn }
        }
      }`,
      { pseudonym: member.pseudonym },
    );
    expect(response.errors).toBeUndefined();
    const person = response.data!.person;
    const [registered] = await sql(
      'municipality',
      'SELECT birth_year, district_code, estate_code FROM person WHERE pseudonym = $1',
      [member.pseudonym],
    );
    expect(person).toMatchObject({
      birthYear: registered.birth_year,
      district: { code: registered.district_code },
      estate: { code: registered.estate_code },
    });
    const statuses = await sql('municipality', 'SELECT count(*)::int AS n FROM youth_status_spell WHERE pseudonym = $1', [member.pseudonym]);
    expect(person.youthStatusHistory).toHaveLength(statuses[0].n);
    const jobs = await sql('jobcentre', 'SELECT count(*)::int AS n FROM employment_spell WHERE pseudonym = $1', [member.pseudonym]);
    expect(person.employment).toHaveLength(jobs[0].n);
    const [tenancy] = await sql('housing-association', 'SELECT department_code, unit_number FROM tenancy WHERE pseudonym = $1', [member.pseudonym]);
    expect(person.tenancy).toEqual({ unitNumber: tenancy.unit_number, department: { code: tenancy.department_code } });
    const clubs = await sql(
      'volunteer-centre',
      'SELECT club_code FROM membership WHERE pseudonym = $1 ORDER BY started_on, id',
      [member.pseudonym],
    );
    expect(person.clubMemberships.map((m) => m.club.code)).toEqual(
      clubs.map((c: { club_code: string }) => c.club_code),
    );
  });

  it('answers null for a pseudonym nobody knows', async () => {
    const response = await postGraphQL(hub.gatewayUrl, `{ person(pseudonym: "${'0'.repeat(64)}") { birthYear } }`);
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
