// The dashboard in Chromium with one indicator owner down (the volunteer centre): the other owners'
// charts keep their figures, the failed owner's indicator shows as unknown (never 0), the headline
// counts only the targets known, and the notice names the partner and the indicator, not a path.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_NAMES, Role, partnerSpec } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import type { Browser } from 'playwright-core';
import { refusingUrl, startTestGateway } from '../gateway/standIns';
import { postGraphQL } from '../support/graphql';
import { PATIENT_PARTNERS, withEnv } from '../support/env';
import { startHub, type TestHub } from '../support/hub';
import { callerToken } from '../support/identity';
import { launchChromium, watchedPage, type WatchedPage } from './browser';
import { GOAL_FULFILMENT, INDICATORS, plottedValue, type Fulfilment, type GraphIndicator } from './graphAnswers';
import { badge } from './renderedFigures';

const artifacts = join(__dirname, '..', '..', 'artifacts');
const DOWN = 'volunteer-centre';

let hub: TestHub;
let gateway: RunningGateway;
let browser: Browser;
let token: string;
let view: WatchedPage;
/** What the graph answers, with every partner up, for the indicators and goal fulfilment. */
let everyoneUp: { indicators: (GraphIndicator & { name: string; owner: { code: string } })[] };

beforeAll(async () => {
  hub = await withEnv(PATIENT_PARTNERS, () => startHub({ persons: 300 }));
  token = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
  const named = INDICATORS.replace('indicators {', 'indicators { name owner { code }');
  everyoneUp = (await postGraphQL<typeof everyoneUp>(hub.gatewayUrl, named, undefined, token)).data!;
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  const refusing = await refusingUrl();
  gateway = await withEnv(PATIENT_PARTNERS, () => startTestGateway({ subgraphUrls: { ...urls, [DOWN]: refusing } }));
  browser = await launchChromium();
  view = await watchedPage(browser, gateway.url);
  await view.page.goto(`${new URL('/dashboard', gateway.url).href}#token=${token}`);
  await view.page.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await view?.context.close();
  await browser?.close();
  await gateway?.stop();
  await hub?.stop();
});

const ownedByDown = (indicator: { owner: { code: string } }) => indicator.owner.code === partnerSpec(DOWN).organisation;

const chartValues = async (id: string) =>
  JSON.parse((await view.page.locator(`figure[data-indicator-chart="${id}"] canvas`).getAttribute('data-values'))!) as (number | null)[];

test('the other owners\' charts plot their figures as when every partner is up', async () => {
  const others = everyoneUp.indicators.filter((indicator) => !ownedByDown(indicator));
  let points = 0;
  for (const indicator of others) {
    // Some periods are withheld (gaps) at this population: the points must be the same, gaps included.
    const values = (await chartValues(indicator.id)).filter((value) => value !== null);
    const plotted = indicator.series.map((o) => plottedValue(o.value)).filter((value) => value !== null);
    expect({ id: indicator.id, values }).toEqual({ id: indicator.id, values: plotted });
    expect(await view.page.locator(`[data-indicator-id="${indicator.id}"] [data-testid="unknown"]`).count()).toBe(0);
    points += values.length;
  }
  expect(points).toBeGreaterThan(0);
});

test('the failed owner\'s indicator shows as unknown: no points, "unknown" cells, UNKNOWN status, never 0', async () => {
  const own = everyoneUp.indicators.filter(ownedByDown);
  expect(own.length).toBeGreaterThan(0);
  for (const indicator of own) {
    expect((await chartValues(indicator.id)).every((value) => value === null)).toBe(true);
    const card = view.page.locator(`article[data-indicator-id="${indicator.id}"]`);
    expect(await card.locator('[data-testid="unknown"]').innerText()).toMatch(/^Values unknown: .+ did not answer\.$/);
    expect(await card.locator('.progress').getAttribute('data-status')).toBe('UNKNOWN');
    const row = view.page.locator(`.indicator-table tr[data-indicator-id="${indicator.id}"]`);
    expect(await row.locator('td[data-cell="current"]').innerText()).toBe('unknown');
  }
});

test('the headline counts only the targets known: "x of y known targets met, z unknown", never 0.0 % for unknown', async () => {
  const answer = (await postGraphQL<{ allianceGoalFulfilment: Fulfilment }>(gateway.url, GOAL_FULFILMENT, undefined, token)).data!;
  const { indicators, met, unknown } = answer.allianceGoalFulfilment;
  expect(unknown).toBeGreaterThan(0);
  expect(unknown).toBeLessThan(indicators);
  expect(await badge(view.page, '#alliance-fulfilment')).toEqual(answer.allianceGoalFulfilment);
  const known = indicators - unknown!;
  const text = await view.page.locator('#alliance-fulfilment [data-testid="goal-fulfilment"]').innerText();
  expect(text).toBe(`${met} of ${known} known targets met (${percent(met! / known)}), ${unknown} unknown`);
  expect(await view.page.locator('#alliance-fulfilment [data-testid="known-share"]').innerText()).toBe(percent(met! / known));
});

test('the notice names the partner and the indicator it cost, and no internal path', async () => {
  const names = everyoneUp.indicators.filter(ownedByDown).map((indicator) => `'${indicator.name}'`);
  const notice = view.page.locator(`#indicators ul.errors li[data-partners="${DOWN}"]`);
  expect(await notice.innerText()).toBe(`Volunteer centre is unavailable: indicator ${names.join(', ')} unknown`);
  expect(await view.page.locator('body').innerText()).not.toMatch(/Reading|scopeIndicators|_entities/);
  expect(view.problems).toEqual([]);
  mkdirSync(artifacts, { recursive: true });
  await view.page.screenshot({ path: join(artifacts, 'dashboard-owner-down.png'), fullPage: true });
});

const percent = (share: number) => new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
