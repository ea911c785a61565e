// The web dashboard against a gateway that runs registered operations only (HUB_SAFELIST=enforce):
// it sends each of its operations exactly as schema/persisted-operations.json registers it, the
// gateway refuses none of them, and the page renders its figures.
import { PARTNER_NAMES, Role } from '@hub/core';
import { DASHBOARD_OPERATIONS_DIR, MANIFEST_PATH, buildManifest, readManifest, sha256, type RunningGateway } from '@hub/gateway';
import type { Browser, Response } from 'playwright-core';
import { refusingUrl, startTestGateway } from '../gateway/standIns';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { PATIENT_PARTNERS, withEnv } from '../support/env';
import { startHub, type TestHub } from '../support/hub';
import { callerToken } from '../support/identity';
import { launchChromium, watchedPage, type WatchedPage } from './browser';

interface Exchange {
  query: string;
  status: number;
  body: GraphQLResponse;
}

let hub: TestHub;
let enforced: RunningGateway;
let browser: Browser;
let token: string;
let view: WatchedPage;
const exchanges: Promise<Exchange>[] = [];
/** The exchanges of the page's own load, before the reader asked for a cohort profile. */
let onLoad: Promise<Exchange>[] = [];

beforeAll(async () => {
  hub = await withEnv(PATIENT_PARTNERS, () => startHub({ persons: 300 }));
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  enforced = await withEnv(PATIENT_PARTNERS, () => startTestGateway({ subgraphUrls: urls, safelist: { mode: 'enforce' } }));
  token = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
  browser = await launchChromium();
  view = await watchedPage(browser, enforced.url);
  view.page.on('response', (response: Response) => {
    const request = response.request();
    if (request.url() !== enforced.url || request.method() !== 'POST') return;
    const query = (request.postDataJSON() as { query: string }).query;
    exchanges.push(response.json().then((body: GraphQLResponse) => ({ query, status: response.status(), body })));
  });
  await view.page.goto(`${new URL('/dashboard', enforced.url).href}#token=${token}`);
  await view.page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  onLoad = [...exchanges];
  // A cohort profile is formed only when the reader asks: ask for the form's first one.
  await view.page.click('.cohort-form button[type="submit"]');
  await view.page.locator('.cohort-table').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await view?.context.close();
  await browser?.close();
  await enforced?.stop();
  await hub?.stop();
});

test('the enforcing gateway refuses the dashboard\'s token an operation that is not registered', async () => {
  const response = await postGraphQL(enforced.url, '{ linesOfAction { code name } }', undefined, token);
  expect(response.status).toBe(400);
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['OPERATION_NOT_SAFELISTED']);
});

test('the page sends every operation of gateway/dashboard/operations, each exactly as registered, and none is refused', async () => {
  const sent = await Promise.all(exchanges);
  const registered = new Map(readManifest(MANIFEST_PATH).operations.map((operation) => [operation.id, operation.name]));
  const names = sent.map((exchange) => registered.get(sha256(exchange.query)) ?? `unregistered: ${exchange.query}`);
  const dashboardOperations = buildManifest([DASHBOARD_OPERATIONS_DIR]).operations.map((operation) => operation.name);
  expect(new Set(names)).toEqual(new Set(dashboardOperations));
  // The one error expected: a cohort measure the agreement leaves out, refused by its partner.
  const unexpected = (error: NonNullable<GraphQLResponse['errors']>[number]) => !(error.path?.[0] === 'cohort' && error.extensions?.code === 'FORBIDDEN');
  for (const exchange of sent) {
    expect({ status: exchange.status, codes: (exchange.body.errors ?? []).filter(unexpected).map((error) => error.extensions?.code) }).toEqual({ status: 200, codes: [] });
  }
});

test('loading the page forms no cohort: its members cross between partners only when the reader asks', async () => {
  const loaded = await Promise.all(onLoad);
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((exchange) => /\bcohort\s*\(/.test(exchange.query))).toEqual([]);
  expect((await Promise.all(exchanges)).filter((exchange) => /\bcohort\s*\(/.test(exchange.query))).toHaveLength(1);
});

test('the page renders its figures: every view answered, with the graph\'s lines, indicators and cohort', async () => {
  const { page } = view;
  expect(await page.locator('.notice.error, ul.errors').count()).toBe(0);
  const graph = await postGraphQL<{ linesOfAction: { code: string }[]; indicators: { id: string }[] }>(hub.gatewayUrl, '{ linesOfAction { code } indicators { id } }');
  expect(await page.locator('.line-card').count()).toBe(graph.data!.linesOfAction.length);
  expect(await page.locator('td[data-line][data-field][data-measure]').count()).toBe(4 * 2 * 2);
  expect(await page.locator('.indicator-table tbody tr').count()).toBe(graph.data!.indicators.length);
  expect(await page.locator('.cohort-table td[data-cell]').count()).toBe(6);
  const funding = await page.$$eval('[data-testid="funding"]', (cells) => cells.map((cell) => cell.getAttribute('data-value')));
  expect(funding.every((value) => Number(value) > 0)).toBe(true);
});

test('with the municipality down, the indicators still show, their area unnamed, and the failure named', async () => {
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  const gateway = await startTestGateway({ subgraphUrls: { ...urls, municipality: await refusingUrl() }, safelist: { mode: 'enforce' } });
  const page = await view.context.newPage();
  try {
    await page.goto(`${new URL('/dashboard', gateway.url).href}#token=${token}`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    const graph = await postGraphQL<{ indicators: { id: string }[] }>(hub.gatewayUrl, '{ indicators { id } }');
    expect(await page.locator('.indicator-table tbody tr').count()).toBe(graph.data!.indicators.length);
    expect(await page.locator('.indicator-table tbody tr td:nth-child(3)').first().innerText()).toContain('Area (name unavailable)');
    const codes = await page.$$eval('#indicators ul.errors [data-error-code]', (items) => items.map((item) => item.getAttribute('data-error-code')));
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['PARTNER_UNAVAILABLE']));
  } finally {
    await page.close();
    await gateway.stop();
  }
});
