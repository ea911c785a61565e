import { PARTNER_NAMES } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import request from 'supertest';
import { startHub, type TestHub } from '../support/hub';
import { analystToken } from '../support/identity';
import { behaviours, besides, captureLog, standInPartner, startTestGateway, type StandIn } from './standIns';

const QUERY = 'query ClubsOfJob { lineOfAction(code: JOB) { name clubMembership(area: "osterbyen") { value } } }';

async function ask(gatewayUrl: string, headers: Record<string, string> = {}) {
  const response = await request(gatewayUrl)
    .post('')
    .set({ authorization: `Bearer ${await analystToken()}`, 'content-type': 'application/json', ...headers })
    .send({ query: QUERY, variables: { secret: 'never-logged' } });
  return { status: response.status, body: response.body, requestId: response.headers['x-request-id'] as string };
}

describe('the gateway\'s health, circuits, request ids, logs and metrics', () => {
  let hub: TestHub;
  let partner: StandIn;
  let gateway: RunningGateway;
  const log = captureLog();

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    // The volunteer centre behind a stand-in that can fail and recover while the gateway runs.
    partner = await standInPartner(behaviours.passTo(hub.subgraphs['volunteer-centre'].url));
    const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    gateway = await startTestGateway({
      subgraphUrls: { ...urls, 'volunteer-centre': partner.url },
      traffic: { circuitThreshold: 3, circuitCooldownMs: 1000 },
      logger: log.logger,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await partner?.close();
    await hub?.stop();
  });

  const readyz = () => request(besides(gateway.url, '/readyz')).get('');

  it('is healthy and ready while every partner answers', async () => {
    expect((await ask(gateway.url)).body.errors).toBeUndefined();
    expect((await request(besides(gateway.url, '/healthz')).get('')).body).toEqual({ status: 'ok' });
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(Object.keys(ready.body.partners).sort()).toEqual([...PARTNER_NAMES].sort());
    expect(ready.body.partners['volunteer-centre']).toEqual({ state: 'up', since: expect.any(String), lastError: null });
  });

  it('opens the circuit of a failing partner, then answers without calling it, and reports it in /readyz', async () => {
    partner.behave(behaviours.status(500));
    for (let i = 0; i < 3; i += 1) await ask(gateway.url);
    const calls = partner.received.length;
    const fast = await ask(gateway.url);
    expect(fast.body.data.lineOfAction.name).toEqual(expect.any(String));
    expect(fast.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', partner: 'volunteer-centre' }) })]);
    expect(partner.received).toHaveLength(calls);
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.partners['volunteer-centre']).toEqual({
      state: 'open',
      since: expect.any(String),
      lastError: { code: 'PARTNER_ERROR', detail: 'HTTP 500', at: expect.any(String) },
    });
    expect(ready.body.partners.jobcentre.state).toBe('up');
  });

  it('lets one trial request through after the cool-down, and closes the circuit when the partner is back', async () => {
    partner.behave(behaviours.passTo(hub.subgraphs['volunteer-centre'].url));
    let answer = await ask(gateway.url);
    // The cool-down is 1 s: retry a bounded number of times until the half-open trial goes through.
    for (let i = 0; i < 30 && answer.body.errors; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await ask(gateway.url);
    }
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.lineOfAction.clubMembership).not.toBeNull();
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.partners['volunteer-centre'].state).toBe('up');
  });

  it('gives each request an id: the caller\'s when it is safe, else a new one, in every error and passed to partners', async () => {
    partner.behave(behaviours.status(500));
    const mine = await ask(gateway.url, { 'x-request-id': 'dashboard-42.a_b' });
    expect(mine.requestId).toBe('dashboard-42.a_b');
    expect(mine.body.errors.every((error: { extensions: { requestId: string } }) => error.extensions.requestId === 'dashboard-42.a_b')).toBe(true);
    const unsafe = await ask(gateway.url, { 'x-request-id': '<script>alert(1)</script>' });
    expect(unsafe.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(partner.received.map((received) => received.headers['x-request-id'])).toContain('dashboard-42.a_b');
    expect(partner.received.map((received) => received.headers['x-request-id'])).not.toContain('<script>alert(1)</script>');
    const unauthenticated = await request(gateway.url).post('').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: unauthenticated.headers['x-request-id'] });
    partner.behave(behaviours.passTo(hub.subgraphs['volunteer-centre'].url));
  });

  it('writes one JSON log line per request, with the partners\' failures and never a token or variable', async () => {
    const lines = log.lines.filter((line) => line.msg === 'request');
    const failed = lines.find((line) => line.requestId === 'dashboard-42.a_b');
    expect(failed).toMatchObject({
      component: 'gateway',
      level: 'warn',
      operation: 'ClubsOfJob',
      organisation: 'lauritzen-foundation',
      roles: ['analyst'],
      status: 200,
      durationMs: expect.any(Number),
      errorCodes: expect.arrayContaining([expect.stringMatching(/^PARTNER_/)]),
      partnerFailures: [{ partner: 'volunteer-centre', code: expect.stringMatching(/^PARTNER_/), detail: expect.any(String) }],
    });
    expect(lines.filter((line) => line.requestId === 'dashboard-42.a_b')).toHaveLength(1);
    const text = JSON.stringify(log.lines);
    expect(text).not.toContain('never-logged');
    expect(text).not.toContain(await analystToken());
    expect(text).not.toMatch(/Bearer|eyJ/);
  });

  it('exposes Prometheus metrics: requests, errors and latency per operation; fetches, latency and circuit per partner', async () => {
    const metrics = (await request(besides(gateway.url, '/metrics')).get('')).text;
    expect(metrics).toMatch(/^hub_gateway_requests_total\{operation="ClubsOfJob",status="200",component="gateway"\} \d+/m);
    expect(metrics).toMatch(/^hub_gateway_errors_total\{operation="ClubsOfJob",code="PARTNER_ERROR",component="gateway"\} \d+/m);
    expect(metrics).toMatch(/^hub_gateway_request_duration_seconds_bucket\{le="0.5",component="gateway",operation="ClubsOfJob"\} \d+/m);
    expect(metrics).toMatch(/^hub_gateway_partner_fetches_total\{partner="volunteer-centre",outcome="PARTNER_UNAVAILABLE",component="gateway"\} \d+/m);
    expect(metrics).toMatch(/^hub_gateway_partner_fetches_total\{partner="foundation",outcome="ok",component="gateway"\} \d+/m);
    expect(metrics).toMatch(/^hub_gateway_partner_fetch_duration_seconds_count\{component="gateway",partner="foundation"\} \d+/m);
    for (const name of PARTNER_NAMES) {
      expect(metrics).toMatch(new RegExp(`^hub_gateway_partner_circuit_state\\{partner="${name}",component="gateway"\\} [0-2]$`, 'm'));
    }
    expect(metrics).toMatch(/^process_resident_memory_bytes\{component="gateway"\} \d+/m);
  });
});
