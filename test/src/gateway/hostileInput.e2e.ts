import { AuditTrail, Role, mintDevToken, partnerSpec } from '@hub/core';
import { connect } from 'node:net';
import request from 'supertest';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { analystToken, callerToken, staffToken, testIdentity } from '../support/identity';
import { besides } from './standIns';

/** What the gateway echoes of a client's value at most: 64 characters and an ellipsis. */
const MAX_ECHO = 65;

/** Sends a raw JSON body with `headers` (an analyst's token unless another is given). */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request(url)
    .post('')
    .set({ authorization: `Bearer ${await analystToken()}`, 'content-type': 'application/json', ...headers })
    .send(body as object);
  return { status: response.status, body: response.body, text: response.text, requestId: response.headers['x-request-id'] as string };
}

/** Calls the gateway made to any partner so far, from its own metrics. */
async function partnerFetches(gatewayUrl: string): Promise<number> {
  const text = (await request(besides(gatewayUrl, '/metrics')).get('')).text;
  return [...text.matchAll(/^hub_gateway_partner_fetches_total\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A jobcentre caseworker's token, signed by the trusted development issuer, with the claims given. */
const jobcentreStaff = async (claims: { subject?: string; purpose?: string }) =>
  mintDevToken((await testIdentity()).issuer.privateKeyPem, {
    partner: partnerSpec('jobcentre').organisation,
    roles: [Role.PARTNER_STAFF],
    purpose: 'follow-up of the part-time job programme',
    ...claims,
  });

/** A person-level read the jobcentre answers and records in its audit trail. */
const FOLLOW_UP = 'query FollowUp($p: ID!) { person(pseudonym: $p) { employment { kind } } }';

describe('hostile input gets a clear 4xx and never reaches a partner as a failure', () => {
  let hub: TestHub;
  let pseudonym: string;

  beforeAll(async () => {
    hub = await startHub({ persons: 200 });
    [{ pseudonym }] = await hub.subgraphs.jobcentre.database.dataSource.query(
      'SELECT pseudonym FROM employment_spell ORDER BY pseudonym LIMIT 1',
    );
  });
  afterAll(() => hub?.stop());

  // Only the secretariat's graph has mutations (the registry's changes); the dashboards' has none.
  it.each([
    ['subscription', 'an analyst', analystToken],
    ['mutation', 'a dashboard', () => callerToken({ partner: partnerSpec('foundation').organisation, roles: [Role.DASHBOARD] })],
  ])('refuses a %s from %s with 400 OPERATION_NOT_SUPPORTED: that graph has none', async (kind, _who, token) => {
    const response = await post(hub.gatewayUrl, { query: `${kind} { __typename }` }, { authorization: `Bearer ${await token()}` });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: expect.stringMatching(new RegExp(`^The hub's graph has no ${kind}s: it answers queries only\\.`)),
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'OPERATION_NOT_SUPPORTED', requestId: response.requestId },
      },
    ]);
  });

  describe('a NUL byte in a string is refused as BAD_USER_INPUT before any partner is asked', () => {
    it.each([
      ['area', 'code'],
      ['club', 'code'],
      ['initiative', 'code'],
      ['partner', 'code'],
      ['indicator', 'id'],
    ])('in %s(%s: …), written in the query', async (field, argument) => {
      const before = await partnerFetches(hub.gatewayUrl);
      const response = await post(hub.gatewayUrl, { query: `{ ${field}(${argument}: "osterbyen\\u0000") { __typename } }` });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          message: `The argument "${argument}" holds a NUL byte (\\u0000), which no partner can store or search for.`,
          extensions: { code: 'BAD_USER_INPUT', requestId: response.requestId },
        },
      ]);
      expect(await partnerFetches(hub.gatewayUrl)).toBe(before);
    });

    it('in a variable, also deep inside an input object', async () => {
      const before = await partnerFetches(hub.gatewayUrl);
      const plain = await post(hub.gatewayUrl, {
        query: 'query Area($c: String!) { area(code: $c) { name } }',
        variables: { c: 'osterbyen\u0000' },
      });
      const nested = await post(hub.gatewayUrl, {
        query: 'query Cohort($d: CohortDefinitionInput!) { cohort(agreement: "a", definition: $d) { size { value } } }',
        variables: { d: { kind: 'DISTRICT_RESIDENTS', area: 'oster\u0000byen' } },
      });
      expect(plain.status).toBe(400);
      expect(plain.body.errors).toEqual([
        {
          message: 'The variable $c holds a NUL byte (\\u0000), which no partner can store or search for.',
          extensions: { code: 'BAD_USER_INPUT', requestId: plain.requestId },
        },
      ]);
      expect(nested.status).toBe(400);
      expect(nested.body.errors[0]).toMatchObject({
        message: 'The variable $d.area holds a NUL byte (\\u0000), which no partner can store or search for.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await partnerFetches(hub.gatewayUrl)).toBe(before);
    });
  });

  describe('token claims the audit trail could not hold', () => {
    it.each([
      ['purpose', { purpose: 'follow-up\u0000' }, /^The token's "purpose" claim holds a control character \(U\+0000\)/],
      ['purpose', { purpose: 'follow-up\n2nd line\u001b[31m' }, /^The token's "purpose" claim holds a control character \(U\+000A\)/],
      ['purpose', { purpose: 'x'.repeat(5000) }, /^The token's "purpose" claim is 5000 characters long; at most 500 are accepted\./],
      ['sub', { subject: 'kirsten\u0000@jobcentre' }, /^The token's "sub" claim holds a control character \(U\+0000\)/],
      ['sub', { subject: 'k'.repeat(1000) }, /^The token's "sub" claim is 1000 characters long; at most 256 are accepted\./],
    ])('refuses a signed token whose "%s" claim is hostile with 401 and the reason', async (_claim, claims, reason) => {
      const response = await postGraphQL(hub.gatewayUrl, FOLLOW_UP, { p: pseudonym }, await jobcentreStaff(claims));
      expect(response.status).toBe(401);
      expect(response.errors).toEqual([{ message: expect.stringMatching(reason), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }]);
    });

    it('does not let six such requests open the owner\'s circuit for everyone', async () => {
      const hostile = await jobcentreStaff({ purpose: 'follow-up\u0000' });
      for (let i = 0; i < 6; i += 1) {
        expect((await postGraphQL(hub.gatewayUrl, FOLLOW_UP, { p: pseudonym }, hostile)).status).toBe(401);
      }
      const response = await postGraphQL<{ person: { employment: unknown[] } }>(hub.gatewayUrl, FOLLOW_UP, { p: pseudonym }, await staffToken('jobcentre'));
      expect(response.errors).toBeUndefined();
      expect(response.data?.person.employment.length).toBeGreaterThan(0);
    });

    it('still records a read, should a NUL byte or a megabyte of text get past the gateway to the audit trail', async () => {
      const trail = new AuditTrail();
      trail.note('Person.employment', [pseudonym]);
      const viewer = { subject: 'kirsten@jobcentre-esbjerg', partner: 'jobcentre-esbjerg', roles: [Role.PARTNER_STAFF], purpose: 'follow-up\u0000' };
      const db = hub.subgraphs.jobcentre.database.dataSource;
      await trail.flush(db, { viewer, role: Role.PARTNER_STAFF, operationName: 'O'.repeat(1_000_000), requestId: 'audit-nul-1' });
      const [row] = await db.query('SELECT purpose, length(operation_name) AS length FROM audit_record WHERE request_id = $1', ['audit-nul-1']);
      expect(row).toEqual({ purpose: 'follow-up\uFFFD', length: 1000 });
    });
  });

  it('answers a 100 KB token with 431 and a GraphQL error, not an empty body', async () => {
    const response = await post(hub.gatewayUrl, { query: '{ __typename }' }, { authorization: `Bearer ${'a'.repeat(100_000)}` });
    expect(response.status).toBe(431);
    expect(JSON.parse(response.text)).toEqual({
      errors: [
        {
          message: 'The request\'s headers are larger than the gateway accepts (16 KB in all); a bearer token should be a few KB.',
          extensions: { code: 'REQUEST_HEADER_TOO_LARGE' },
        },
      ],
    });
  });

  it('answers a request that is not HTTP with 400 and a GraphQL error', async () => {
    const { port } = new URL(hub.gatewayUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NONSENSE\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text)).on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ message: 'The request is not valid HTTP/1.1.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  describe('errors repeat at most 64 characters of what a client sent', () => {
    it('of an untrusted issuer, checked before any signature', async () => {
      const token = `${base64url({ alg: 'ES256' })}.${base64url({ iss: 'i'.repeat(10_000), sub: 'x', exp: 4102444800 })}.c2ln`;
      const response = await post(hub.gatewayUrl, { query: '{ __typename }' }, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(response.body.errors[0].message).toBe(`The token's issuer "${'i'.repeat(64)}…" is not trusted.`);
    });

    it.each([
      ['in a variable', { query: 'query Area($c: String!) { area(code: $c) { name } }', variables: { c: 'x'.repeat(900_000) } }],
      ['written in the query', { query: `{ area(code: "${'x'.repeat(900_000)}") { name } }` }],
      ['of the wrong type', { query: 'query Page($n: Int!) { partners(first: $n) { totalCount } }', variables: { n: 'x'.repeat(900_000) } }],
    ])('of a 900 KB argument %s', async (_where, body) => {
      const response = await post(hub.gatewayUrl, body);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(response.text.length).toBeLessThan(2000);
      expect(response.text).not.toContain('x'.repeat(MAX_ECHO));
      expect(response.body.errors[0].message).toContain(`"${'x'.repeat(64)}…"`);
    });
  });

  it('replaces a hostile x-request-id with its own, in the answer and in the partner\'s audit record', async () => {
    for (const hostile of ['r'.repeat(10_000), 'id with spaces', '<script>alert(1)</script>', 'id"quoted']) {
      const response = await post(hub.gatewayUrl, { query: FOLLOW_UP, variables: { p: pseudonym } }, {
        authorization: `Bearer ${await staffToken('jobcentre')}`,
        'x-request-id': hostile,
      });
      expect(response.body.errors).toBeUndefined();
      expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
      const [record] = await hub.subgraphs.jobcentre.database.dataSource.query(
        'SELECT request_id FROM audit_record ORDER BY id DESC LIMIT 1',
      );
      expect(record.request_id).toBe(response.requestId);
    }
  });

  it('keeps a well-formed x-request-id, as the partners\' logs and audit records tie requests together by it', async () => {
    const response = await post(hub.gatewayUrl, { query: '{ __typename }' }, { 'x-request-id': 'dashboard-7f3a.1' });
    expect(response.requestId).toBe('dashboard-7f3a.1');
  });

  it('answers a persisted query whose hash is not its text\'s with 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const response = await post(hub.gatewayUrl, {
      query: '{ linesOfAction { code } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH', requestId: response.requestId },
        },
      ],
    });
  });
});
