import {
  SUBGRAPHS,
  checkSubgraphSchema,
  composeSupergraph,
  dashboardSubgraph,
  subgraphSdl,
  type CheckReport,
  type SubgraphSdl,
} from '@hub/schema';
import { withArgumentType, withField, withFieldTag, withKeys, withoutEnumValue, withoutField } from './checkSdl';

// The check logic of `hub check`, on proposals derived from the jobcentre's real subgraph SDL.
// The baseline is a fresh composition of the subgraphs' code (not the checked-in file), so these
// tests hold whether or not someone has recomposed yet.
describe('checking a proposed subgraph schema', () => {
  let current: SubgraphSdl[];
  let jobcentre: string;
  let supergraphSdl: string;
  let dashboardSupergraphSdl: string;

  beforeAll(async () => {
    current = [];
    for (const definition of SUBGRAPHS) current.push(await subgraphSdl(definition));
    jobcentre = current.find((subgraph) => subgraph.name === 'jobcentre')!.sdl;
    supergraphSdl = composeSupergraph(current);
    dashboardSupergraphSdl = composeSupergraph(current.map(dashboardSubgraph));
  });

  const check = (proposedSdl: string): Promise<CheckReport> =>
    checkSubgraphSchema({ partner: 'jobcentre', proposedSdl, current, supergraphSdl, dashboardSupergraphSdl });

  const change = (report: CheckReport, path: string) => report.changes.find((candidate) => candidate.path === path);

  it('finds no change and passes when the proposal is the schema the code serves today', async () => {
    const report = await check(jobcentre);
    expect(report).toMatchObject({ composed: true, ok: true, changes: [], breaking: 0, compositionErrors: [] });
  });

  it('reports a removed field as breaking in the supergraph API', async () => {
    const report = await check(withoutField(jobcentre, 'LineOfAction', 'benefitShare'));
    expect(report.composed).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.breaking).toBe(1);
    expect(change(report, 'LineOfAction.benefitShare')).toMatchObject({
      scope: 'api',
      criticality: 'BREAKING',
      type: 'FIELD_REMOVED',
    });
  });

  it('reports an argument made non-null as breaking', async () => {
    const report = await check(withArgumentType(jobcentre, 'LineOfAction.partTimeJobShare.on', 'LocalDate!'));
    expect(report.ok).toBe(false);
    expect(change(report, 'LineOfAction.partTimeJobShare.on')).toMatchObject({
      scope: 'api',
      criticality: 'BREAKING',
      type: 'FIELD_ARGUMENT_TYPE_CHANGED',
      message: expect.stringContaining("from 'LocalDate' to 'LocalDate!'"),
    });
  });

  it('passes a new nullable field as a safe change', async () => {
    const report = await check(withField(jobcentre, 'Initiative', 'applicants(year: Int): Measure'));
    expect(report).toMatchObject({ composed: true, ok: true, breaking: 0, dangerous: 0 });
    expect(change(report, 'Initiative.applicants')).toMatchObject({ scope: 'api', criticality: 'SAFE', type: 'FIELD_ADDED' });
    expect(report.changes.every((found) => found.criticality === 'SAFE')).toBe(true);
  });

  it('reports a removed enum value as breaking', async () => {
    const report = await check(withoutEnumValue(jobcentre, 'EmploymentKind', 'FULL_TIME_JOB'));
    expect(report.ok).toBe(false);
    expect(change(report, 'EmploymentKind.FULL_TIME_JOB')).toMatchObject({
      criticality: 'BREAKING',
      type: 'ENUM_VALUE_REMOVED',
    });
  });

  it('reports an added @key as a safe change of the subgraph', async () => {
    const withSlug = withField(jobcentre, 'Initiative', 'slug: String!');
    const report = await check(withKeys(withSlug, 'Initiative', ['code', 'slug']));
    expect(report.ok).toBe(true);
    expect(change(report, 'Initiative.@key')).toMatchObject({
      scope: 'subgraph',
      criticality: 'SAFE',
      type: 'KEY_ADDED',
      message: `Key @key(fields: "slug") was added to 'Initiative'`,
    });
  });

  it('reports a replaced @key as breaking, with the composition error it causes', async () => {
    const withSlug = withField(jobcentre, 'Initiative', 'slug: String!');
    const report = await check(withKeys(withSlug, 'Initiative', ['slug']));
    expect(report.ok).toBe(false);
    expect(report.composed).toBe(false);
    expect(change(report, 'Initiative.@key')).toMatchObject({
      scope: 'subgraph',
      criticality: 'BREAKING',
      type: 'KEY_CHANGED',
      message: `Key of 'Initiative' changed from @key(fields: "code") to @key(fields: "slug")`,
    });
  });

  it('reports a field hidden from the dashboard contract as breaking for dashboards only', async () => {
    const report = await check(withFieldTag(jobcentre, 'LineOfAction.benefitShare', 'person-level'));
    expect(report.ok).toBe(false);
    expect(report.changes.filter((found) => found.scope === 'api')).toEqual([]);
    expect(change(report, 'LineOfAction.benefitShare')).toMatchObject({
      scope: 'dashboard',
      criticality: 'BREAKING',
      type: 'FIELD_REMOVED',
    });
    expect(change(report, 'LineOfAction.benefitShare.@tag')).toMatchObject({ scope: 'subgraph' });
  });

  it('fails a proposal that does not compose, naming the subgraphs, the type and the field', async () => {
    // Initiative.name belongs to the foundation and is not @shareable.
    const report = await check(withField(jobcentre, 'Initiative', 'name: String!'));
    expect(report).toMatchObject({ composed: false, ok: false });
    expect(report.compositionErrors).toHaveLength(1);
    const [error] = report.compositionErrors;
    expect(error.code).toBe('INVALID_FIELD_SHARING');
    expect(error.message).toContain('"Initiative.name"');
    expect(error.locations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subgraph: 'jobcentre', coordinate: 'Initiative.name' }),
        expect.objectContaining({ subgraph: 'foundation', coordinate: 'Initiative.name' }),
      ]),
    );
  });

  it('fails a proposal that is not valid GraphQL, with the line of the syntax error', async () => {
    const report = await check(`${jobcentre}\ntypo Broken { x: Int }\n`);
    expect(report).toMatchObject({ composed: false, ok: false });
    expect(report.compositionErrors[0]).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      locations: [{ subgraph: 'jobcentre', line: jobcentre.split('\n').length + 1, column: 1 }],
    });
  });
});
