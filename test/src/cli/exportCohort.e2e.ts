// `hub export cohort` as a real process against a real hub: the exported numbers are the graph's
// answers for the same token, the default measures are exactly the agreement's grants, withheld
// figures stay withheld (empty, never 0), a refused measure or any other error writes nothing
// (exit 1), and bad options are usage errors (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AgeBand } from '@hub/core';
import { parse } from 'csv-parse/sync';
import { estateMembers, sqlOf } from '../cohorts/expected';
import { MEASURE_FIELDS, type MeasureJson } from '../disclosure/expected';
import { exportCli } from '../support/cli';
import { postGraphQL } from '../support/graphql';
import { publishedCount } from '../support/perturbation';

const ON = '2026-01-01';
const MEDVIND = 'medvind-neet-follow-up';
/** The agreement's grants: the municipality IN_EDUCATION, the jobcentre IN_WORK and ON_BENEFITS, Vindrosen CLUB_MEMBER. */
const MEDVIND_MEASURES = ['size', 'inEducation', 'inWork', 'onBenefits', 'clubMember'];
const ESTATE = ['--agreement', MEDVIND, '--area', 'hedelundgardparken', '--age-band', 'AGE_15_24', '--as-of', ON];

const cli = exportCli('cohort', 'hub-export-cohort-');
const hubExport = (args: string[]) => cli.run(['--token', cli.token, ...args]);

/** The graph's answer to the same cohort, asked directly with the same token. */
async function graphCohort(definition: string, agreement: string, measures: string[]) {
  const response = await postGraphQL<{ cohort: Record<string, MeasureJson> }>(
    cli.hub.gatewayUrl,
    `{ cohort(definition: ${definition}, agreement: "${agreement}") { ${measures.map((m) => `${m} ${MEASURE_FIELDS}`).join(' ')} } }`,
    undefined,
    cli.token,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.cohort;
}

/** A CSV cell as the graph's value: empty is null (withheld or none), then booleans, numbers, text. */
function cell(text: string): string | number | boolean | null {
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return Number.isNaN(Number(text)) ? text : Number(text);
}

/** The CSV's measure rows in the graph's shape, to compare with the graph's answer. */
const asMeasures = (rows: Record<string, unknown>[]) =>
  Object.fromEntries(
    rows.map((row) => [
      row.measure,
      {
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        unit: row.unit,
        suppressed: row.suppressed,
        suppressionReason: row.suppression_reason,
        perturbed: row.perturbed,
      },
    ]),
  );

describe('hub export cohort', () => {
  it('writes one CSV row per measure the agreement grants, led by the cohort, with the graph\'s numbers', async () => {
    const file = path.join(cli.dir, 'estate.csv');
    const run = await hubExport([...ESTATE, '--out', file]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain(`Exported ${MEDVIND_MEASURES.length} cohort measure row(s) to ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'agreement,kind,area,programme,age_band,as_of,measure,value,unit,numerator,denominator,suppressed,suppression_reason,perturbed',
    );
    const rows = (parse(text, { columns: true }) as Record<string, string>[]).map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, cell(value)])),
    );
    expect(rows.map((row) => row.measure)).toEqual(MEDVIND_MEASURES);
    for (const row of rows) {
      expect(row).toMatchObject({ agreement: MEDVIND, kind: 'ESTATE_RESIDENTS', area: 'hedelundgardparken', programme: null, age_band: 'AGE_15_24', as_of: ON });
    }
    const graph = await graphCohort(`{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_15_24, asOf: "${ON}" }`, MEDVIND, MEDVIND_MEASURES);
    expect(asMeasures(rows)).toEqual(graph);
    // The size against the housing association's own tenancies, so that equal is not equally wrong.
    expect(rows[0].value).toBe(publishedCount(await estateMembers(sqlOf(cli.hub), 'hedelundgardparken', AgeBand.AGE_15_24, ON)));
  });

  it('writes JSON with the definition, the agreement and the same measures', async () => {
    const run = await hubExport([...ESTATE, '--format', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { definition: unknown; agreement: unknown; measures: Record<string, unknown>[] };
    expect(document.definition).toEqual({ kind: 'ESTATE_RESIDENTS', area: 'hedelundgardparken', programme: null, ageBand: 'AGE_15_24', asOf: ON });
    const { data } = await postGraphQL<{ dataSharingAgreements: Record<string, unknown>[] }>(
      cli.hub.gatewayUrl,
      '{ dataSharingAgreements { code provider purpose validFrom validTo } }',
      undefined,
      cli.token,
    );
    expect(document.agreement).toEqual(data!.dataSharingAgreements.find((agreement) => agreement.code === MEDVIND));
    expect(document.measures.map((row) => Object.keys(row))).toEqual(
      MEDVIND_MEASURES.map(() => ['measure', 'value', 'unit', 'numerator', 'denominator', 'suppressed', 'suppressionReason', 'perturbed']),
    );
    const csv = parse((await hubExport(ESTATE)).stdout, { columns: true }) as Record<string, string>[];
    expect(document.measures.map((row) => row.value)).toEqual(csv.map((row) => cell(row.value)));
  });

  it('exports a withheld measure as an empty value with suppressed true, never 0', async () => {
    // The 15-17-year-olds of Østerbyen on a hub of 1,000 persons: a handful of part-time jobs.
    const args = ['--agreement', 'osterbyen-youth-job-and-leisure', '--area', 'osterbyen', '--age-band', 'AGE_15_17', '--as-of', ON];
    const run = await hubExport(args);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.measure)).toEqual(['size', 'inWork', 'onBenefits', 'partTimeJob', 'clubMember']);
    const graph = await graphCohort(`{ kind: DISTRICT_RESIDENTS, area: "osterbyen", ageBand: AGE_15_17, asOf: "${ON}" }`, 'osterbyen-youth-job-and-leisure', rows.map((row) => row.measure));
    const withheld = rows.filter((row) => row.suppressed === 'true');
    expect(withheld.length).toBeGreaterThan(0); // the case is tested
    for (const row of withheld) {
      expect([row.measure, row.value, row.numerator, row.denominator]).toEqual([row.measure, '', '', '']);
      expect(row.suppression_reason).toBe(graph[row.measure].suppressionReason);
    }
    const json = JSON.parse((await hubExport([...args, '--format', 'json'])).stdout) as { measures: Record<string, unknown>[] };
    expect(json.measures.filter((row) => row.suppressed).map((row) => [row.measure, row.value])).toEqual(withheld.map((row) => [row.measure, null]));
  });

  it('exports the measures asked with --measures, by the graph\'s or the agreement\'s names', async () => {
    const run = await hubExport([...ESTATE, '--measures', 'IN_WORK,size', '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { measures: { measure: string }[] }).measures.map((row) => row.measure)).toEqual(['inWork', 'size']);
  });

  it('fails on a measure the agreement does not grant, with the graph\'s code and message, and writes nothing (exit 1)', async () => {
    const file = path.join(cli.dir, 'refused.csv');
    const run = await hubExport([...ESTATE, '--measures', 'size,partTimeJob', '--out', file]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('FORBIDDEN at cohort.partTimeJob: Access to Cohort.partTimeJob needs');
    expect(run.stderr).toContain(`agreement ${MEDVIND} does not allow jobcentre-esbjerg to answer PART_TIME_JOB`);
    expect(existsSync(file)).toBe(false);
  });

  it('fails on a definition the hub refuses or an unknown agreement, and writes nothing (exit 1)', async () => {
    const offDate = await hubExport(['--agreement', MEDVIND, '--area', 'hedelundgardparken', '--as-of', '2025-06-30']);
    expect(offDate).toMatchObject({ code: 1, stdout: '' });
    expect(offDate.stderr).toMatch(/BAD_USER_INPUT at cohort: "asOf" must be a reference date/);
    const unknown = await hubExport(['--agreement', 'no-such-agreement', '--area', 'hedelundgardparken']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('The hub has no data-sharing agreement "no-such-agreement"; it has ');
  });

  it.each([
    [[], "required option '--agreement <code>' not specified"],
    [['--agreement', MEDVIND, '--kind', 'TENANTS'], 'Allowed choices are ESTATE_RESIDENTS, DISTRICT_RESIDENTS, PROGRAMME_PARTICIPANTS'],
    [['--agreement', MEDVIND, '--age-band', '15-24'], "option '--age-band <band>' argument '15-24' is invalid"],
    [['--agreement', MEDVIND, '--as-of', '2026-02-30'], 'expected a date as YYYY-MM-DD'],
    [['--agreement', MEDVIND, '--measures', 'size,happiness'], '"happiness" is not a cohort measure; expected size, inEducation'],
    [['--agreement', MEDVIND, '--format', 'xlsx'], "option '--format <format>' argument 'xlsx' is invalid"],
  ])('refuses bad options %j with a usage error (exit 2)', async (args, message) => {
    const run = await hubExport(args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('hub export cohort --help');
  });
});
