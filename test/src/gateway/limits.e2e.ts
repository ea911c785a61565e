import { PARTNER_NAMES } from '@hub/core';
import { DEFAULT_QUERY_LIMITS, MANIFEST_PATH, readManifest, type RunningGateway } from '@hub/gateway';
import request from 'supertest';
import { postGraphQL } from '../support/graphql';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { analystToken } from '../support/identity';
import { besides, startTestGateway } from './standIns';

const FLAGSHIP = exampleQuery('job-line-of-action');

/** Sends a raw JSON body (persisted-query fields included) with an analyst's token. */
async function post(url: string, body: unknown) {
  const response = await request(url)
    .post('')
    .set('authorization', `Bearer ${await analystToken()}`)
    .set('content-type', 'application/json')
    .send(body as object);
  return { status: response.status, body: response.body, requestId: response.headers['x-request-id'] };
}

/** Calls made to a partner so far, from the gateway's own metrics. */
async function fetchesTo(gatewayUrl: string, partner: string): Promise<number> {
  const text = (await request(besides(gatewayUrl, '/metrics')).get('')).text;
  return [...text.matchAll(new RegExp(`^hub_gateway_partner_fetches_total\\{[^}]*partner="${partner}"[^}]*\\} (\\d+)`, 'gm'))]
    .map((match) => Number(match[1]))
    .reduce((sum, count) => sum + count, 0);
}

describe('limits and registered operations', () => {
  let hub: TestHub;
  let tight: RunningGateway;
  let enforcing: RunningGateway;
  const flagshipId = readManifest(MANIFEST_PATH).operations.find((operation) => operation.name === 'JobLineOfAction')!;

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    const subgraphUrls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    tight = await startTestGateway({ subgraphUrls, limits: { depth: 3, cost: 30, aliases: 1, directives: 1, tokens: 60 }, bodyLimit: '2kb' });
    enforcing = await startTestGateway({ subgraphUrls, safelist: { mode: 'enforce' } });
  });
  afterAll(async () => {
    await tight?.stop();
    await enforcing?.stop();
    await hub?.stop();
  });

  describe('limits', () => {
    it('lets the flagship query through the default limits', async () => {
      const response = await postGraphQL(hub.gatewayUrl, FLAGSHIP);
      expect(response.errors).toBeUndefined();
    });

    it.each([
      ['depth', '{ lineOfAction(code: JOB) { initiatives(first: 1) { edges { node { name } } } } }', 'MAX_DEPTH_LIMIT', 3, /Query depth limit of 3 exceeded, found 5/],
      ['cost', '{ linesOfAction { code name description initiatives { totalCount } clubs { totalCount } } partners { totalCount pageInfo { hasNextPage endCursor } } clubs { totalCount pageInfo { hasNextPage } } }', 'MAX_COST_LIMIT', 30, /Query Cost limit of 30 exceeded, found 36.75/],
      ['aliases', '{ a: linesOfAction { code } b: linesOfAction { code } }', 'MAX_ALIASES_LIMIT', 1, /Aliases limit of 1 exceeded, found 2/],
      ['tokens', FLAGSHIP, 'MAX_TOKENS_LIMIT', 60, /Token limit of 60 exceeded/],
    ])('refuses a query over the %s limit with 400 and its own code, before any partner is called', async (_limit, query, code, max, message) => {
      const before = await fetchesTo(tight.url, 'foundation');
      const response = await post(tight.url, { query });
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ message: expect.stringMatching(message), extensions: { code, max, requestId: response.requestId } }),
      );
      expect(await fetchesTo(tight.url, 'foundation')).toBe(before);
    });

    it('refuses a query that would call one partner more often than allowed, before any partner is called', async () => {
      const subgraphUrls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
      const frugal = await startTestGateway({ subgraphUrls, limits: { partnerFetches: 1 } });
      try {
        const before = await Promise.all(PARTNER_NAMES.map((name) => fetchesTo(frugal.url, name)));
        // The flagship's plan calls the jobcentre twice (its lines' figures, then the placements).
        const response = await post(frugal.url, { query: FLAGSHIP });
        expect(response.status).toBe(400);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors).toEqual([
          {
            message: 'Partner fetches limit of 1 exceeded: the query would call jobcentre 2 times.',
            extensions: { code: 'MAX_PARTNER_FETCHES_LIMIT', max: 1, requestId: response.requestId },
          },
        ]);
        expect(await Promise.all(PARTNER_NAMES.map((name) => fetchesTo(frugal.url, name)))).toEqual(before);
      } finally {
        await frugal.stop();
      }
    });

    it('refuses more directives than allowed', async () => {
      const response = await postGraphQL(tight.url, '{ linesOfAction @skip(if: false) { code @include(if: true) } }');
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'MAX_DIRECTIVES_LIMIT', max: 1 });
    });

    it('refuses a page larger than 100, literal or in a variable, before any partner is called', async () => {
      const before = await fetchesTo(hub.gatewayUrl, 'foundation');
      const literal = await post(hub.gatewayUrl, { query: '{ initiatives(first: 500) { totalCount } }' });
      const variable = await post(hub.gatewayUrl, {
        query: 'query Page($n: Int!) { lineOfAction(code: JOB) { initiatives(first: $n) { totalCount } } }',
        variables: { n: 101 },
      });
      for (const [response, got] of [[literal, 500], [variable, 101]] as const) {
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([
          {
            message: `"first" must be between 1 and 100, got ${got}.`,
            locations: [expect.any(Object)],
            extensions: { code: 'BAD_USER_INPUT', argument: 'first', max: 100, requestId: response.requestId },
          },
        ]);
      }
      expect(await fetchesTo(hub.gatewayUrl, 'foundation')).toBe(before);
    });

    it('refuses a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await post(tight.url, { query: `{ __typename }`, variables: { padding: 'x'.repeat(4000) } });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        errors: [
          { message: 'The request body is larger than the limit of 2kb.', extensions: { code: 'PAYLOAD_TOO_LARGE', max: '2kb', requestId: response.requestId } },
        ],
      });
    });

    it('has defaults that leave room for the flagship query', () => {
      expect(DEFAULT_QUERY_LIMITS).toEqual({ depth: 10, cost: 5000, aliases: 15, directives: 50, tokens: 2000, partnerFetches: 32 });
    });
  });

  describe('registered operations (HUB_SAFELIST=enforce)', () => {
    it('runs a registered operation sent by id, as Apollo persisted queries and as documentId', async () => {
      const byHash = await post(enforcing.url, { extensions: { persistedQuery: { version: 1, sha256Hash: flagshipId.id } } });
      const byDocumentId = await post(enforcing.url, { documentId: `sha256:${flagshipId.id}` });
      for (const response of [byHash, byDocumentId]) {
        expect(response.status).toBe(200);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data.lineOfAction.name).toEqual(expect.any(String));
      }
    });

    it('runs a registered operation sent as text, as in its file', async () => {
      const response = await post(enforcing.url, { query: FLAGSHIP, variables: { on: '2018-06-30' } });
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses any other operation with OPERATION_NOT_SAFELISTED before any partner is called', async () => {
      const before = await fetchesTo(enforcing.url, 'foundation');
      const response = await post(enforcing.url, { query: '{ linesOfAction { code name } }' });
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'OPERATION_NOT_SAFELISTED', requestId: response.requestId } }),
      ]);
      expect(await fetchesTo(enforcing.url, 'foundation')).toBe(before);
    });

    it('does not let a client register an operation by sending its hash with it', async () => {
      const query = '{ partners(first: 2) { totalCount } }';
      const { createHash } = await import('node:crypto');
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const register = await post(enforcing.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
      expect(register.body.errors?.[0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
      const byId = await post(enforcing.url, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
      expect(byId.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('answers introspection, which the sandbox needs', async () => {
      const response = await post(enforcing.url, { query: '{ __schema { queryType { name } } }' });
      expect(response.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    });

    it('runs any operation when not enforced, and registered ones by id too', async () => {
      expect((await post(hub.gatewayUrl, { query: '{ linesOfAction { code } }' })).body.errors).toBeUndefined();
      const byHash = await post(hub.gatewayUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: flagshipId.id } } });
      expect(byHash.body.data.lineOfAction.name).toEqual(expect.any(String));
    });
  });
});
