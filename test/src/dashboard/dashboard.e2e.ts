// The web dashboard in a real browser (Debian's Chromium) against a running hub: every figure it
// renders must equal the graph's own answer to the same `dashboard` token, suppressed cells must show
// as suppressed, and nothing may leave this machine.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@hub/core';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { postGraphQL } from '../support/graphql';
import { PATIENT_PARTNERS, withEnv } from '../support/env';
import { startHub } from '../support/hub';
import { callerToken } from '../support/identity';
import { launchChromium, watchedPage, type WatchedPage } from './browser';
import { COHORT, COHORT_MEASURES, GOAL_FULFILMENT, INDICATORS, asAsked, plottedValue, type Fulfilment, type GraphIndicator } from './graphAnswers';
import { MEASURE_SELECTION, badge, download, expectCellShows, renderedCells, type GraphMeasure } from './renderedFigures';

const artifacts = join(__dirname, '..', '..', 'artifacts');

let hub: Awaited<ReturnType<typeof startHub>>;
let browser: Browser;
let token: string;
let dashboardUrl: string;
let view: WatchedPage;

/** What the graph itself answers the dashboard's token. */
async function ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await postGraphQL<T>(hub.gatewayUrl, query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  hub = await withEnv(PATIENT_PARTNERS, () => startHub({ persons: 1000 }));
  token = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
  dashboardUrl = new URL('/dashboard', hub.gatewayUrl).href;
  browser = await launchChromium();
  view = await watchedPage(browser, hub.gatewayUrl);
  // The token travels in the fragment, which the browser never sends to the server.
  await view.page.goto(`${dashboardUrl}#token=${token}`);
  await view.page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await view?.context.close();
  await browser?.close();
  await hub?.stop();
});

test('GET /dashboard serves the page, restricted to the hub by its CSP', async () => {
  const res = await fetch(dashboardUrl);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<title>Partner data hub — Dashboard</title>');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:|\*|unsafe/);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
});

test('the gateway\'s landing page links to the dashboard', async () => {
  const landing = await (await fetch(new URL('/', hub.gatewayUrl))).text();
  expect(landing).toContain('href="/dashboard"');
});

test('the page loads nothing from outside, asks the graph with the token alone, and clears it from the address bar', async () => {
  expect(view.outside).toEqual([]);
  expect(view.problems).toEqual([]);
  expect(view.authorizations.length).toBeGreaterThan(0);
  expect(new Set(view.authorizations)).toEqual(new Set([`Bearer ${token}`]));
  expect(view.page.url()).toBe(dashboardUrl);
  // No view failed, and no field but the cohort measures its agreement leaves out came back with an error.
  expect(await view.page.locator('.notice.error, ul.errors').count()).toBe(0);
});

test('each line of action shows the graph\'s own initiatives and funding', async () => {
  type Line = { code: string; funding: { value: number }; initiatives: { totalCount: number } };
  const { linesOfAction } = await ask<{ linesOfAction: Line[] }>('{ linesOfAction { code funding { value } initiatives { totalCount } } }');
  expect(await view.page.locator('.line-card').count()).toBe(linesOfAction.length);
  for (const line of linesOfAction) {
    const card = view.page.locator(`[data-testid="line-${line.code}"]`);
    expect(Number(await card.locator('[data-testid="initiatives"]').innerText())).toBe(line.initiatives.totalCount);
    expect(Number(await card.locator('[data-testid="funding"]').getAttribute('data-value'))).toBe(line.funding.value);
  }
});

test('each line of action shows the graph\'s own figures for the district and the comparison area', async () => {
  const cells = await renderedCells(view.page, 'td[data-line][data-field]');
  expect(cells.length).toBeGreaterThanOrEqual(16);
  // The test's own query per line of action (the gateway allows 15 aliases a request), one alias
  // per rendered cell, written from the cell's attributes.
  for (const line of new Set(cells.map((cell) => cell.line))) {
    const ofLine = cells.filter((cell) => cell.line === line);
    const fields = ofLine.map((cell, i) => `c${i}: ${cell.field}(area: "${cell.area}"${cell.ageBand ? `, ageBand: ${cell.ageBand}` : ''}) ${MEASURE_SELECTION}`);
    const answer = await ask<{ lineOfAction: Record<string, GraphMeasure | null> }>(`{ lineOfAction(code: ${line}) { ${fields.join(' ')} } }`);
    ofLine.forEach((cell, i) => expectCellShows(cell, answer.lineOfAction[`c${i}`], `${line}.${cell.field}(${cell.area})`));
  }
});

test('a suppressed figure shows as "suppressed" with the reason as its tooltip, never as 0 or blank', async () => {
  const suppressed = await renderedCells(view.page, 'td[data-measure][data-suppressed="true"]');
  expect(suppressed.length).toBeGreaterThan(0);
  for (const cell of suppressed) {
    expect(cell.text).toBe('suppressed');
    expect(cell.value).toBe('');
    expect(cell.title).toMatch(/^Withheld by disclosure control/);
  }
});

test('every indicator shows the graph\'s baseline, target, current values and goal fulfilment', async () => {
  const { indicators } = await ask<{ indicators: GraphIndicator[] }>(INDICATORS);
  expect(indicators.length).toBeGreaterThan(0);
  const rows = await view.page.locator('.indicator-table tbody tr').count();
  expect(rows).toBe(indicators.length);
  for (const indicator of indicators) {
    const row = `.indicator-table tr[data-indicator-id="${indicator.id}"]`;
    const [baseline, current, comparison, target] = await renderedCells(view.page, `${row} td[data-cell]`);
    expect(Number(baseline.value)).toBe(indicator.baseline.value);
    expectCellShows(current, indicator.current, `${indicator.id}.current`);
    expectCellShows(comparison, indicator.comparisonCurrent, `${indicator.id}.comparisonCurrent`);
    expect(Number(target.value)).toBe(indicator.target.value);
    const progress = view.page.locator(`${row} .progress`);
    // A fulfilment its owner could not answer shows as UNKNOWN without progress.
    expect(await progress.getAttribute('data-status')).toBe(indicator.fulfilment?.status ?? 'UNKNOWN');
    const shownProgress = await progress.getAttribute('data-progress');
    expect(shownProgress === '' ? null : Number(shownProgress)).toBe(indicator.fulfilment?.progress ?? null);
  }
});

test('each chart plots the graph\'s series, with gaps where a period is suppressed, never zeros', async () => {
  const { indicators } = await ask<{ indicators: GraphIndicator[] }>(INDICATORS);
  const suppressedPoints = indicators.flatMap((i) => i.series.filter((o) => o.value?.suppressed));
  for (const indicator of indicators) {
    const canvas = view.page.locator(`figure[data-indicator-chart="${indicator.id}"] canvas`);
    const labels = JSON.parse((await canvas.getAttribute('data-labels'))!) as string[];
    const values = JSON.parse((await canvas.getAttribute('data-values'))!) as (number | null)[];
    const expected = labels.map((label) => plottedValue(indicator.series.find((o) => o.period === label)?.value ?? null));
    expect({ id: indicator.id, values }).toEqual({ id: indicator.id, values: expected });
    const cells = await renderedCells(view.page, `figure[data-indicator-chart="${indicator.id}"] td[data-series="value"]`);
    indicator.series.forEach((o, i) => expectCellShows(cells[i], o.value, `${indicator.id} ${o.period}`));
  }
  // At 1,000 persons some yearly cells rest on too few persons: the test must see at least one gap.
  expect(suppressedPoints.length).toBeGreaterThan(0);
});

test('goal fulfilment per line of action and for the alliance equals the graph\'s', async () => {
  const answer = await ask<{ allianceGoalFulfilment: Fulfilment; linesOfAction: { code: string; goalFulfilment: Fulfilment }[] }>(GOAL_FULFILMENT);
  const shown = (scope: string) => badge(view.page, scope);
  expect(await shown('#alliance-fulfilment')).toEqual(answer.allianceGoalFulfilment);
  for (const line of answer.linesOfAction) expect(await shown(`[data-testid="line-${line.code}"]`)).toEqual(line.goalFulfilment);
});

test('the indicator table exports as CSV and JSON with the graph\'s numbers, suppressed cells empty and flagged', async () => {
  const { indicators } = await ask<{ indicators: GraphIndicator[] }>(INDICATORS);
  const csv = parse(await download(view.page, '#indicators [data-export="csv"]'), { columns: true }) as Record<string, string>[];
  expect(csv.map((row) => row.indicator)).toEqual(indicators.map((i) => i.id));
  csv.forEach((row, i) => {
    const current = indicators[i].current;
    expect({ id: row.indicator, value: row.current_value, suppressed: row.current_suppressed, reason: row.current_suppression_reason }).toEqual({
      id: indicators[i].id,
      value: current?.value == null ? '' : String(current.value),
      suppressed: current ? String(current.suppressed) : '',
      reason: current?.suppressionReason ?? '',
    });
    expect(Number(row.baseline_value)).toBe(indicators[i].baseline.value);
  });
  const json = JSON.parse(await download(view.page, '#indicators [data-export="json"]')) as { indicators: GraphIndicator[] };
  expect(json.indicators.map(asAsked)).toEqual(indicators);
});

test('a line\'s button opens that line\'s indicators, as the graph lists them; "All lines" brings every one back', async () => {
  const idsOf = async (line: string | null) =>
    (await ask<{ indicators: { id: string }[] }>('query ($line: LineOfActionCode) { indicators(lineOfAction: $line) { id } }', { line })).indicators.map((i) => i.id);
  // A click marks the indicators busy at once; they are rendered when it is cleared.
  const shownAfter = async (click: string) => {
    await view.page.locator(click).click();
    await view.page.locator('#indicators [aria-busy]').waitFor({ state: 'hidden' });
    return view.page.$$eval('.indicator-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-indicator-id')));
  };
  const job = await idsOf('JOB');
  const all = await idsOf(null);
  expect(job.length).toBeLessThan(all.length);
  expect(await shownAfter('[data-testid="line-JOB"] button.link')).toEqual(job);
  expect(await view.page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-line')).toBe('JOB');
  expect(await shownAfter('[role="tab"][data-line="ALL"]')).toEqual(all);
});

test('a measure the agreement does not allow shows as "not under this agreement", as the graph refuses it', async () => {
  // MedVind's NEET follow-up lets the jobcentre answer work and benefits on the estate's residents, not part-time jobs.
  const { cells, answer } = await showCohort({ kind: 'ESTATE_RESIDENTS', area: 'hedelundgardparken', ageBand: 'AGE_15_24' }, 'medvind-neet-follow-up');
  const refused = (answer.errors ?? []).find((e) => e.path?.[1] === 'partTimeJob');
  expect(refused?.extensions?.code).toBe('FORBIDDEN');
  const shown = cells.find((cell) => cell.cell === 'partTimeJob')!;
  expect({ code: shown.errorCode, text: shown.text }).toEqual({ code: 'FORBIDDEN', text: 'not under this agreement' });
});

test('the cohort profile shows the graph\'s answers and exports them as CSV', async () => {
  const definition = { kind: 'DISTRICT_RESIDENTS', area: 'esbjerg', ageBand: 'AGE_15_24' };
  const { cells, answer } = await showCohort(definition, 'osterbyen-youth-job-and-leisure');
  expect(answer.errors).toBeUndefined();
  expect(cells.map((cell) => cell.cell)).toEqual([...COHORT_MEASURES]);
  for (const cell of cells) expectCellShows(cell, answer.data!.cohort[cell.cell!], `cohort.${cell.cell}`);
  expect(cells.filter((cell) => cell.suppressed === 'false').length).toBeGreaterThan(0);

  const csv = parse(await download(view.page, '.cohort-profile [data-export="csv"]'), { columns: true }) as Record<string, string>[];
  expect(csv.map((row) => [row.measure, row.value, row.suppressed])).toEqual(
    COHORT_MEASURES.map((field) => {
      const measure = answer.data!.cohort[field];
      return [field, measure?.value == null ? '' : String(measure.value), measure ? String(measure.suppressed) : ''];
    }),
  );
});

test('without a token the page says how to get one; a refused token shows UNAUTHENTICATED', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(dashboardUrl);
    await expect(page.locator('.token-form').innerText()).resolves.toContain('npm run token -- --role dashboard');
    await page.goto(`${dashboardUrl}#token=not-a-token`);
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.locator('#lines-of-action [data-error-code]').getAttribute('data-error-code')).toBe('UNAUTHENTICATED');
  } finally {
    await context.close();
  }
});

test('the whole page fits the window\'s width (screenshot in test/artifacts/dashboard.png)', async () => {
  const { page } = view;
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
});

/** Asks for a cohort through the page's form; returns the rendered profile and the graph's own answer. */
async function showCohort(definition: { kind: string; area: string; ageBand: string }, agreement: string) {
  const { page } = view;
  await page.selectOption('select[name="agreement"]', agreement);
  await page.selectOption('select[name="kind"]', definition.kind);
  await page.fill('input[name="code"]', definition.area);
  await page.selectOption('select[name="ageBand"]', definition.ageBand);
  await page.click('.cohort-form button[type="submit"]');
  await page.locator('.cohort-profile .table-header p', { hasText: `${definition.area}, ages 15-24, as of` }).filter({ hasText: agreement }).waitFor();
  const cells = await renderedCells(page, '.cohort-table td[data-cell]');
  const answer = await postGraphQL<{ cohort: Record<string, GraphMeasure | null> }>(hub.gatewayUrl, COHORT, { definition, agreement }, token);
  return { cells, answer };
}
