// Debian's Chromium driven by playwright-core (no browser download: there is no internet), with every
// request that would leave this machine blocked and recorded.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to load from outside loopback (all blocked). */
  outside: string[];
  /** Console messages about the Content Security Policy, and uncaught errors. */
  problems: string[];
  /** Authorization headers of the page's GraphQL requests. */
  authorizations: (string | undefined)[];
}

export async function watchedPage(browser: Browser, graphqlUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, outside: [], problems: [], authorizations: [] };
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if (local || protocol === 'data:' || protocol === 'blob:') return route.continue();
    watched.outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy') || message.type() === 'error') watched.problems.push(message.text());
  });
  page.on('pageerror', (error) => watched.problems.push(String(error)));
  page.on('request', (request) => {
    if (request.url() === graphqlUrl && request.method() === 'POST') watched.authorizations.push(request.headers().authorization);
  });
  return watched;
}
