// The GraphQL sandbox in a real browser (Debian's Chromium), with every request off this machine
// blocked: it must load and run a query from the hub alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PARTNER_NAMES } from '@hub/core';
import { exampleQuery, startHub } from '../support/hub';
import { analystToken } from '../support/identity';
import { refusingUrl, startTestGateway } from './standIns';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = join(__dirname, '..', '..', 'artifacts');
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let hub: Awaited<ReturnType<typeof startHub>>;
let browser: Browser;

beforeAll(async () => {
  hub = await startHub({ persons: 1000 });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

test('a browser opening the GraphQL URL gets the sandbox page, restricted to the hub by its CSP', async () => {
  const res = await fetch(hub.gatewayUrl, { headers: { accept: browserAccept } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(await res.text()).toContain('<title>Partner data hub — GraphQL sandbox</title>');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/https?:|\*/);
});

test('the sandbox\'s scripts travel gzipped', async () => {
  const page = await (await fetch(hub.gatewayUrl, { headers: { accept: browserAccept } })).text();
  const script = page.match(/src="([^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();
  const res = await fetch(new URL(script!, hub.gatewayUrl), { headers: { 'accept-encoding': 'gzip' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
});

test('a GraphQL GET with a query parameter still reaches the GraphQL server', async () => {
  const url = `${hub.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`;
  const res = await fetch(url, {
    headers: { accept: browserAccept, 'apollo-require-preflight': 'true', authorization: `Bearer ${await analystToken()}` },
  });
  expect(res.headers.get('content-type')).toContain('json');
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
});

test('the sandbox loads nothing from outside the hub and runs its example query', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  const cspViolations: string[] = [];
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if (local || protocol === 'data:' || protocol === 'blob:') return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });

  try {
    // The token travels in the fragment, which the browser never sends to the server.
    await page.goto(`${hub.gatewayUrl}#token=${await analystToken()}`);
    await expect(page.title()).resolves.toBe('Partner data hub — GraphQL sandbox');
    // The editor is ready once Monaco has rendered the prefilled example query.
    await page.locator('.graphiql-query-editor .monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
    const queryText = await page.locator('.graphiql-query-editor .view-lines').innerText();
    expect(queryText.trim().length).toBeGreaterThan(0);

    const answer = page.waitForResponse(
      (res) => res.url() === hub.gatewayUrl && res.request().method() === 'POST' && !res.request().postData()?.includes('__schema'),
    );
    await page.locator('.graphiql-execute-button').click();
    const body = await (await answer).text();
    expect(body).toContain('"lineOfAction"');
    expect(body).not.toContain('"errors"');

    // Monaco renders only the lines in view: the top of the result is enough to see data, no errors.
    const responsePane = page.locator('.graphiql-response .view-lines');
    await responsePane.filter({ hasText: '"data"' }).waitFor({ timeout: 30_000 });
    expect(await responsePane.innerText()).not.toContain('"errors"');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'sandbox.png') });
    expect(outside).toEqual([]);
    expect(cspViolations).toEqual([]);
  } finally {
    await context.close();
  }
});

test('with one owner down, the sandbox loads its schema on first load with the token from the link (no 401, docs), and shows the partial answer', async () => {
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  const gateway = await startTestGateway({ subgraphUrls: { ...urls, 'volunteer-centre': await refusingUrl() }, exampleQuery: exampleQuery('job-line-of-action') });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const token = await analystToken();
  const posts: { status: number; introspection: boolean; authorization: string | undefined }[] = [];
  page.on('response', (res) => {
    if (res.url() !== gateway.url || res.request().method() !== 'POST') return;
    const introspection = res.request().postData()?.includes('__schema') ?? false;
    posts.push({ status: res.status(), introspection, authorization: res.request().headers().authorization });
  });
  try {
    const introspected = page.waitForResponse((res) => res.url() === gateway.url && !!res.request().postData()?.includes('__schema'));
    await page.goto(`${gateway.url}#token=${token}`);
    expect((await introspected).status()).toBe(200);
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.locator('.graphiql-doc-explorer-root-type', { hasText: 'query' }).waitFor({ timeout: 30_000 });
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('lineOfAction', { exact: true }).first().waitFor({ timeout: 10_000 });
    expect(posts.filter((post) => post.status === 401)).toEqual([]);
    expect(posts.filter((post) => post.introspection).map((post) => post.authorization)).toEqual([`Bearer ${token}`]);
    expect(await page.getByText('Error fetching schema').count()).toBe(0);

    // As above: the execute button sends the editor's query, so wait until Monaco has rendered it
    // (under a loaded CI machine, the docs can be ready before the editor is).
    await page.locator('.graphiql-query-editor .monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
    const answer = page.waitForResponse((res) => res.url() === gateway.url && !res.request().postData()?.includes('__schema'), { timeout: 60_000 });
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answer).json()) as { data: { lineOfAction: Record<string, unknown> }; errors: { extensions: { partner: string } }[] };
    expect(body.data.lineOfAction.name).toEqual(expect.any(String));
    expect(body.errors.map((error) => error.extensions.partner)).toEqual(['volunteer-centre']);
    await page.locator('.graphiql-response .view-lines').filter({ hasText: '"data"' }).waitFor({ timeout: 30_000 });
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'sandbox-owner-down.png') });
  } finally {
    await context.close();
    await gateway.stop();
  }
});
