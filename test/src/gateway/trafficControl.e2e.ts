import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PARTNER_NAMES } from '@hub/core';
import { DEFAULT_TRAFFIC, HubDataSource, PartnerLink, type GatewayContext } from '@hub/gateway';
import request from 'supertest';
import { postGraphQL } from '../support/graphql';
import { analystToken } from '../support/identity';
import { behaviours, besides, refusingUrl, standInPartner, startTestGateway, type StandIn } from './standIns';

/** What the gateway's executor hands a data source for one fetch, without a caller (none is needed here). */
const fetch = (query: string) =>
  ({ request: { query, variables: {} }, context: {} }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

const QUERY = 'query Q__volunteer_centre__0{clubs(first:1){totalCount}}';
const MUTATION = 'mutation M__volunteer_centre__0{joinClub(code:"x"){code}}';

describe('traffic control towards one partner, over real loopback HTTP', () => {
  let busy: StandIn;
  const settings = { ...DEFAULT_TRAFFIC, retries: 2, circuitThreshold: 100 };

  beforeAll(async () => {
    busy = await standInPartner(behaviours.status(503));
  });
  afterAll(() => busy.close());

  it('retries a query with backoff after a 503, at most twice', async () => {
    busy.received.length = 0;
    const source = new HubDataSource(new PartnerLink('volunteer-centre', busy.url, settings));
    const answer = await source.process(fetch(QUERY));
    expect(busy.received).toHaveLength(3);
    expect(answer.errors?.[0].extensions).toEqual({ code: 'PARTNER_ERROR', partner: 'volunteer-centre' });
  });

  it('never retries a mutation', async () => {
    busy.received.length = 0;
    const source = new HubDataSource(new PartnerLink('volunteer-centre', busy.url, settings));
    const answer = await source.process(fetch(MUTATION));
    expect(busy.received).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({ path: ['joinClub'], extensions: { code: 'PARTNER_ERROR' } });
  });

  it('does not retry an HTTP 500, which another attempt would not mend', async () => {
    const broken = await standInPartner(behaviours.status(500));
    const source = new HubDataSource(new PartnerLink('volunteer-centre', broken.url, settings));
    await source.process(fetch(QUERY));
    expect(broken.received).toHaveLength(1);
    await broken.close();
  });

  it('opens the circuit after the threshold of consecutive failures, and then does not call the partner', async () => {
    const broken = await standInPartner(behaviours.status(500));
    const link = new PartnerLink('volunteer-centre', broken.url, { ...settings, circuitThreshold: 3, circuitCooldownMs: 60_000 });
    const source = new HubDataSource(link);
    for (let i = 0; i < 3; i += 1) await source.process(fetch(QUERY));
    expect(link.health).toMatchObject({ state: 'open', lastError: { code: 'PARTNER_ERROR', detail: 'HTTP 500' } });
    const refused = await source.process(fetch(QUERY));
    expect(refused.errors?.[0].extensions).toEqual({ code: 'PARTNER_UNAVAILABLE', partner: 'volunteer-centre' });
    expect(broken.received).toHaveLength(3);
    // The last error stays the partner's own, not the circuit's refusal.
    expect(link.health.lastError?.detail).toBe('HTTP 500');
    link.close();
    await broken.close();
  });

  it('reports a refused connection as PARTNER_UNAVAILABLE after its retries', async () => {
    const link = new PartnerLink('volunteer-centre', await refusingUrl(), settings);
    const answer = await new HubDataSource(link).process(fetch(QUERY));
    expect(answer.errors?.[0]).toMatchObject({ path: ['clubs'], extensions: { code: 'PARTNER_UNAVAILABLE' } });
    expect(link.health).toMatchObject({ state: 'degraded', lastError: { code: 'PARTNER_UNAVAILABLE', detail: 'ECONNREFUSED' } });
  });

  it('reuses its pooled connection for consecutive calls (keep-alive)', async () => {
    const ok = await standInPartner((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { clubs: { totalCount: 1 } } }));
    });
    const link = new PartnerLink('volunteer-centre', ok.url, settings);
    const source = new HubDataSource(link);
    for (let i = 0; i < 3; i += 1) expect((await source.process(fetch(QUERY))).data).toEqual({ clubs: { totalCount: 1 } });
    const ports = new Set(ok.received.map((received) => received.remotePort));
    expect(ports.size).toBe(1);
    link.close();
    await ok.close();
  });
});

describe('a busy partner: a bounded line, not a failure', () => {
  const CLUBS = { data: { clubs: { totalCount: 1 } } };
  let slow: StandIn;
  /** Calls the stand-in holds at once now, and the most it ever held. */
  const load = { now: 0, most: 0 };

  beforeAll(async () => {
    slow = await standInPartner((request, response, received) => {
      load.now += 1;
      load.most = Math.max(load.most, load.now);
      response.on('finish', () => (load.now -= 1));
      behaviours.after(400, CLUBS)(request, response, received);
    });
  });
  afterAll(() => slow.close());
  beforeEach(() => {
    slow.received.length = 0;
    load.most = 0;
  });

  it('sends at most `concurrency` calls at once; the others wait, and their wait is not part of the timeout', async () => {
    // Five calls of 400 ms one at a time take 2 s, twice the timeout: only the line's wait exceeds it.
    const link = new PartnerLink('volunteer-centre', slow.url, { ...DEFAULT_TRAFFIC, concurrency: 1, queue: 10, timeoutMs: 1000 });
    const source = new HubDataSource(link);
    const answers = await Promise.all(Array.from({ length: 5 }, () => source.process(fetch(QUERY))));
    expect(answers.map((answer) => answer.data)).toEqual(Array(5).fill(CLUBS.data));
    expect(load.most).toBe(1);
    expect(link.health).toMatchObject({ state: 'up', lastError: null });
    link.close();
  });

  it('turns callers away with GATEWAY_BUSY when the line is full, without calling the partner or counting against it', async () => {
    const link = new PartnerLink('volunteer-centre', slow.url, { ...DEFAULT_TRAFFIC, concurrency: 1, queue: 1, circuitThreshold: 1 });
    const source = new HubDataSource(link);
    const answers = await Promise.all(Array.from({ length: 4 }, () => source.process(fetch(QUERY))));
    expect(answers.filter((answer) => answer.data).length).toBe(2);
    expect(answers.filter((answer) => !answer.data).map((answer) => answer.errors?.[0].extensions)).toEqual([
      { code: 'GATEWAY_BUSY', partner: 'volunteer-centre', retryAfter: 1 },
      { code: 'GATEWAY_BUSY', partner: 'volunteer-centre', retryAfter: 1 },
    ]);
    expect(slow.received).toHaveLength(2);
    // A circuit that opens after one failure is still closed: being busy is not being down.
    expect(link.health).toMatchObject({ state: 'up', lastError: null });
    expect((await source.process(fetch(QUERY))).data).toEqual(CLUBS.data);
    link.close();
  });

  it('answers the caller with the other partners\' parts, GATEWAY_BUSY for the busy one, and Retry-After', async () => {
    const urls = Object.fromEntries(await Promise.all(PARTNER_NAMES.map(async (name) => [name, await refusingUrl()])));
    const gateway = await startTestGateway({
      subgraphUrls: { ...urls, 'volunteer-centre': slow.url },
      traffic: { concurrency: 1, queue: 0 },
    });
    const token = await analystToken();
    // Two different questions: identical ones in flight would be made once (InFlightFetches).
    const ask = (first: number) =>
      request(gateway.url).post('').set('authorization', `Bearer ${token}`).send({ query: `{ clubs(first: ${first}) { totalCount } }` });
    const [first, second] = await Promise.all([ask(1), ask(2)]);
    const busy = [first, second].find((response) => response.body.errors)!;
    expect([first, second].filter((response) => response.body.data?.clubs)).toHaveLength(1);
    expect(busy.status).toBe(200);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.body.errors[0]).toMatchObject({
      path: ['clubs'],
      message: expect.stringContaining('Try again in 1 s'),
      extensions: { code: 'GATEWAY_BUSY', partner: 'volunteer-centre', retryAfter: 1 },
    });
    await gateway.stop();
  });
});

describe('a gateway whose partners are all down', () => {
  it('starts from the checked-in supergraph without calling any partner, and answers with attributed errors', async () => {
    const silent = await standInPartner(behaviours.hang);
    const urls = Object.fromEntries(await Promise.all(PARTNER_NAMES.map(async (name) => [name, await refusingUrl()])));
    const gateway = await startTestGateway({ subgraphUrls: { ...urls, jobcentre: silent.url } });
    expect(silent.received).toHaveLength(0);
    expect((await request(besides(gateway.url, '/healthz')).get('')).status).toBe(200);
    const response = await postGraphQL(gateway.url, '{ linesOfAction { code name } }');
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['linesOfAction'], extensions: expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', partner: 'foundation' }) }),
    ]);
    const ready = await request(besides(gateway.url, '/readyz')).get('');
    expect(ready.status).toBe(503);
    expect(ready.body.partners.foundation.state).toBe('degraded');
    await gateway.stop();
    await silent.close();
  });
});

describe('the traffic one client request may cause with one partner', () => {
  /** A partner whose answer is about `bytes` long: a cohort's members, as large cohorts bring them. */
  const answering = (bytes: number) =>
    standInPartner((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: { clubs: { totalCount: 1, note: 'p'.repeat(bytes) } } }));
    });
  const tight = { ...DEFAULT_TRAFFIC, requestBytes: 100_000, circuitThreshold: 1 };

  it('cuts an answer off past the bound: PARTNER_TRAFFIC_LIMIT, not counted against the partner', async () => {
    const large = await answering(1_000_000);
    const link = new PartnerLink('volunteer-centre', large.url, tight);
    const answer = await new HubDataSource(link).process(fetch(QUERY));
    expect(answer.errors?.[0]).toMatchObject({
      path: ['clubs'],
      extensions: { code: 'PARTNER_TRAFFIC_LIMIT', partner: 'volunteer-centre', maxBytes: 100_000 },
    });
    expect(answer.errors?.[0].message).toMatch(/moved more than [\d.]+ MB to and from partner "volunteer-centre"/);
    // A circuit that opens after one failure is still closed: a large request is not a partner down.
    expect(link.health).toMatchObject({ state: 'up', lastError: null });
    expect(large.received).toHaveLength(1); // no retry: another attempt would be as large
    link.close();
    await large.close();
  });

  it('counts every fetch of one request together, and each request apart', async () => {
    const medium = await answering(30_000);
    const link = new PartnerLink('volunteer-centre', medium.url, tight);
    const source = new HubDataSource(link);
    const oneRequest = fetch(QUERY);
    const codes: unknown[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await source.process(oneRequest)).errors?.[0].extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'PARTNER_TRAFFIC_LIMIT', 'PARTNER_TRAFFIC_LIMIT']);
    // The fifth fetch was not even sent: the request had used its bound.
    expect(medium.received).toHaveLength(4);
    expect((await source.process(fetch(QUERY))).data).toMatchObject({ clubs: { totalCount: 1 } });
    link.close();
    await medium.close();
  });

  it('refuses to send a body past the bound (a cohort of many members), without calling the partner', async () => {
    const small = await answering(10);
    const link = new PartnerLink('volunteer-centre', small.url, tight);
    const members = Array.from({ length: 20_000 }, (_, i) => `pseudonym-${i}`);
    const request = { request: { query: QUERY, variables: { members } }, context: {} };
    const answer = await new HubDataSource(link).process(request as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    expect(answer.errors?.[0].extensions?.code).toBe('PARTNER_TRAFFIC_LIMIT');
    expect(small.received).toHaveLength(0);
    link.close();
    await small.close();
  });
});
