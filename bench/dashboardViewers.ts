// Dashboard viewers: V people with the dashboard open at once, each with their own token, each
// loading the page again as soon as it has loaded. A page load is the GraphQL requests the page
// itself sends, recorded once from the real dashboard in Chromium and replayed together. The hub's
// gateway runs with its default partner timeout here (3 s), so a partner that cannot keep up shows
// as partner errors, as it would for a viewer.
import { Role, loadOrCreateDevKeys, mintDevToken } from '@hub/core';
import { chromium } from 'playwright-core';
import { startHub, type ContenderSetup } from './contenders';
import type { BenchOptions } from './options';
import { ms, table } from './report';
import { startSubgraphs } from './subgraphs';

const VIEWERS = [1, 10, 50];
/** Codes of a missing part: a partner that failed or a line that was full. */
const PARTNER_ERROR = /^PARTNER_|^GATEWAY_BUSY$/;

export interface ViewersResult {
  viewers: number;
  pageLoads: number;
  p50: number;
  p95: number;
  /** Page loads with at least one partner error (or a non-200 answer). */
  failedLoads: number;
  partnerErrors: number;
}

/** The bodies of the GraphQL requests the dashboard sends for one page load. */
export async function recordDashboard(gatewayUrl: string, token: string): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === gatewayUrl) bodies.push(request.postData() ?? '');
    });
    await page.goto(`${new URL('/dashboard', gatewayUrl).href}#token=${token}`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
    return bodies;
  } finally {
    await browser.close();
  }
}

interface PageLoad {
  ms: number;
  partnerErrors: number;
  failed: boolean;
}

async function loadPage(url: string, token: string, bodies: string[]): Promise<PageLoad> {
  const started = performance.now();
  const answers = await Promise.all(
    bodies.map(async (body) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      const partnerErrors = (answer.errors ?? []).filter((e) => PARTNER_ERROR.test(e.extensions?.code ?? '')).length;
      return { partnerErrors, failed: response.status !== 200 || partnerErrors > 0 };
    }),
  );
  return {
    ms: performance.now() - started,
    partnerErrors: answers.reduce((sum, a) => sum + a.partnerErrors, 0),
    failed: answers.some((a) => a.failed),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `tokens.length` viewers loading the page again and again for `seconds`. */
export async function watch(url: string, bodies: string[], tokens: string[], seconds: number): Promise<ViewersResult> {
  const until = performance.now() + seconds * 1000;
  const loads: PageLoad[] = [];
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < until) loads.push(await loadPage(url, token, bodies));
    }),
  );
  const times = loads.map((load) => load.ms).sort((a, b) => a - b);
  return {
    viewers: tokens.length,
    pageLoads: loads.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    failedLoads: loads.filter((load) => load.failed).length,
    partnerErrors: loads.reduce((sum, load) => sum + load.partnerErrors, 0),
  };
}

/** The section of the report: a table per seed size (`options.viewerSizes`); the run's own subgraphs for their size. */
export async function viewersSections(setup: ContenderSetup, options: BenchOptions, gatewayPublicKeyPem: string): Promise<string> {
  const sections: string[] = [];
  for (const persons of options.viewerSizes) {
    const reuse = persons === setup.subgraphs.persons;
    const subgraphs = reuse ? setup.subgraphs : await startSubgraphs(persons, gatewayPublicKeyPem);
    try {
      sections.push(await viewersSection({ ...setup, subgraphs }, options));
    } finally {
      if (!reuse) await subgraphs.stop();
    }
  }
  return sections.join('\n\n');
}

/** One row per number of viewers, on the setup's subgraphs. */
async function viewersSection(setup: ContenderSetup, options: BenchOptions): Promise<string> {
  const keys = await loadOrCreateDevKeys(setup.dir);
  const token = (subject: string) =>
    mintDevToken(keys.issuer.privateKeyPem, { partner: 'lauritzen-foundation', roles: [Role.DASHBOARD], subject, expiresIn: '12h' });
  const hub = await startHub(setup, [], { patient: false });
  try {
    const bodies = await recordDashboard(hub.url, await token('recorder'));
    const seconds = options.viewerSeconds;
    const rows: string[][] = [];
    for (const viewers of VIEWERS) {
      await setup.subgraphs.settle();
      const tokens = await Promise.all(Array.from({ length: viewers }, (_, i) => token(`viewer-${i}`)));
      const r = await watch(hub.url, bodies, tokens, seconds);
      rows.push([String(r.viewers), String(r.pageLoads), ms(r.p50), ms(r.p95), String(r.failedLoads), String(r.partnerErrors)]);
      process.stderr.write(`  measured ${viewers} dashboard viewer(s) at ${setup.subgraphs.persons} persons\n`);
    }
    const heading = `${bodies.length} requests per page load, ${seconds} s per row, ${setup.subgraphs.persons.toLocaleString('en')} persons, partner timeout 3 s`;
    return `${heading}\n\n${table(['viewers', 'page loads', 'page p50 ms', 'page p95 ms', 'loads with partner errors', 'partner errors'], rows)}`;
  } finally {
    await hub.process.stop();
  }
}
