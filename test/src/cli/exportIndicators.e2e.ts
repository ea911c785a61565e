// `hub export indicators` as a real process against a real hub: the exported numbers are the
// graph's answers, withheld cells stay withheld (empty, never 0), and errors export nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportCli } from '../support/cli';
import { postGraphQL } from '../support/graphql';

const MEASURE = '{ value numerator denominator suppressed suppressionReason perturbed }';

interface MeasureAnswer {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  perturbed: boolean;
}

interface IndicatorAnswer {
  id: string;
  current: MeasureAnswer | null;
  comparisonCurrent: MeasureAnswer | null;
  fulfilment: { progress: number | null; met: boolean | null; status: string };
}

const cli = exportCli('indicators', 'hub-export-');
const hubExport = cli.run;

/** A cell of the CSV as the graph's number: empty is null (withheld or none). */
const number = (cell: string) => (cell === '' ? null : Number(cell));

describe('hub export indicators', () => {
  it('writes the indicator table as CSV with the graph\'s numbers, withheld cells empty and flagged, perturbed ones flagged', async () => {
    const file = path.join(cli.dir, 'indicators.csv');
    const run = await hubExport(['--token', cli.token, '--out', file]);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true });
    const { data } = await postGraphQL<{ indicators: IndicatorAnswer[] }>(
      cli.hub.gatewayUrl,
      `{ indicators { id baseline { value } target { value } current ${MEASURE} comparisonCurrent ${MEASURE} fulfilment { progress met status } } }`,
    );
    const graph = data!.indicators;
    expect(rows.map((row) => row.indicator)).toEqual(graph.map((i) => i.id));
    expect(run.stderr).toContain(`Exported ${graph.length} indicator row(s)`);
    graph.forEach((indicator, i) => {
      const row = rows[i];
      for (const [prefix, m] of [['current_', indicator.current], ['comparison_', indicator.comparisonCurrent]] as const) {
        expect(number(row[`${prefix}value`])).toBe(m?.value ?? null);
        expect(number(row[`${prefix}numerator`])).toBe(m?.numerator ?? null);
        expect(number(row[`${prefix}denominator`])).toBe(m?.denominator ?? null);
        expect(row[`${prefix}suppressed`]).toBe(m ? String(m.suppressed) : '');
        expect(row[`${prefix}perturbed`]).toBe(m ? String(m.perturbed) : '');
        if (m?.suppressed) expect([row[`${prefix}value`], row[`${prefix}numerator`], row[`${prefix}denominator`]]).toEqual(['', '', '']);
      }
      const { fulfilment } = indicator;
      expect(number(row.progress)).toBe(fulfilment.progress);
      expect(row.met).toBe(fulfilment.met === null ? '' : String(fulfilment.met));
      expect(row.status).toBe(fulfilment.status);
    });
  });

  it('writes a withheld figure of a series as empty cells flagged suppressed, never 0', async () => {
    const run = await hubExport(['--token', cli.token, '--series', 'MONTH']);
    expect(run.code).toBe(0);
    const rows: Record<string, string>[] = parse(run.stdout, { columns: true });
    const withheld = rows.filter((row) => row.suppressed === 'true');
    expect(withheld.length).toBeGreaterThan(0); // at 1,000 persons some months are withheld: the case is tested
    for (const row of withheld) expect([row.value, row.numerator, row.denominator]).toEqual(['', '', '']);
  });

  it('writes JSON with the same rows, withheld figures null', async () => {
    const csv = await hubExport(['--token', cli.token]);
    const json = await hubExport(['--token', cli.token, '--format', 'json']);
    expect(json.code).toBe(0);
    const rows: Record<string, unknown>[] = JSON.parse(json.stdout);
    const csvRows: Record<string, string>[] = parse(csv.stdout, { columns: true });
    expect(rows.map((row) => row.indicator)).toEqual(csvRows.map((row) => row.indicator));
    for (const row of rows.filter((r) => r.current_suppressed === true)) expect(row.current_value).toBeNull();
    expect(rows.map((row) => row.current_value)).toEqual(csvRows.map((row) => number(row.current_value)));
  });

  it('exports one line of action, and its time series by year', async () => {
    const table = await hubExport(['--token', cli.token, '--line-of-action', 'JOB', '--format', 'json']);
    const rows: { indicator: string; line_of_action: string }[] = JSON.parse(table.stdout);
    expect(new Set(rows.map((row) => row.line_of_action))).toEqual(new Set(['JOB']));
    const run = await hubExport(['--token', cli.token, '--line-of-action', 'JOB', '--series', 'YEAR', '--format', 'json']);
    const series: { indicator: string; period: string; value: number | null }[] = JSON.parse(run.stdout);
    const { data } = await postGraphQL<{ indicators: { id: string; series: { period: string; value: { value: number | null } }[] }[] }>(
      cli.hub.gatewayUrl,
      '{ indicators(lineOfAction: JOB) { id series(period: YEAR) { period value { value } } } }',
    );
    expect(series.map((row) => [row.indicator, row.period, row.value])).toEqual(
      data!.indicators.flatMap((i) => i.series.map((o) => [i.id, o.period, o.value.value])),
    );
  });

  it('takes the token from HUB_TOKEN, and refuses to run without one (exit 2)', async () => {
    expect((await hubExport([], { HUB_TOKEN: cli.token })).code).toBe(0);
    const run = await hubExport([]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('No token');
  });

  it('exports nothing when the gateway refuses the token (exit 1)', async () => {
    const file = path.join(cli.dir, 'refused.csv');
    const run = await hubExport(['--token', 'not-a-jwt', '--out', file]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('UNAUTHENTICATED');
    expect(() => readFileSync(file)).toThrow();
  });
});
