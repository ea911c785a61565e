import { HUB_AUDIENCE, Role, generateKeyPairPem, importPrivateKey, type PartnerName } from '@hub/core';
import { SignJWT } from 'jose';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { analystToken, callerToken, gatewayToken, staffToken, testIdentity } from '../support/identity';

const LINE = '{ lineOfAction(code: JOB) { name } }';

/** A token built by hand, to forge what the helpers never would. */
async function handMade(options: {
  issuer?: string;
  audience?: string;
  partner?: string;
  expiresAt?: number;
  key?: string;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [Role.ANALYST], ...(options.partner ? { partner: options.partner } : {}) })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(options.issuer ?? 'hub-dev:lauritzen-foundation')
    .setAudience(options.audience ?? HUB_AUDIENCE)
    .setSubject('mallory')
    .setIssuedAt(now - 600)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(await importPrivateKey(options.key ?? (await testIdentity()).issuer.privateKeyPem));
}

function expectUnauthenticated(response: GraphQLResponse, message: RegExp) {
  expect(response.status).toBe(401);
  expect(response.data).toBeUndefined();
  // The gateway's refusals also carry its request id; a subgraph's do not.
  expect(response.errors).toEqual([{ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }]);
}

describe('identity at the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
  });
  afterAll(() => hub?.stop());

  it('refuses a request without a token, resolving nothing', async () => {
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, null), /Missing "Authorization: Bearer/);
  });

  it('refuses a malformed token', async () => {
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, 'not-a-jwt'), /not a JWT/);
  });

  it('refuses an expired token, but allows a small clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, await handMade({ expiresAt: now - 120 })), /expired/);
    const justExpired = await postGraphQL(hub.gatewayUrl, LINE, undefined, await handMade({ expiresAt: now - 10 }));
    expect(justExpired.errors).toBeUndefined();
  });

  it('refuses a token signed with another key', async () => {
    const forged = await handMade({ key: (await generateKeyPairPem()).privateKeyPem });
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, forged), /signature/);
  });

  it('refuses a token for another audience', async () => {
    const token = await handMade({ audience: 'some-other-service' });
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, token), /"aud" claim/);
  });

  it('refuses a token from an issuer it does not trust', async () => {
    const token = await handMade({ issuer: 'https://idp.example.org' });
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, token), /issuer "https:\/\/idp.example.org" is not trusted/);
  });

  it('refuses a partner\'s identity provider minting a token for another partner', async () => {
    const token = await handMade({ issuer: 'hub-dev:jobcentre-esbjerg', partner: 'ungdomsbo' });
    expectUnauthenticated(await postGraphQL(hub.gatewayUrl, LINE, undefined, token), /speaks for jobcentre-esbjerg, not for ungdomsbo/);
  });
});

describe('access rules enforced inside each subgraph', () => {
  let hub: TestHub;
  let pseudonym: string;
  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
    [{ pseudonym }] = await hub.subgraphs.jobcentre.database.dataSource.query(
      `SELECT c.pseudonym FROM citizen c JOIN employment_spell s USING (pseudonym) ORDER BY 1 LIMIT 1`,
    );
  });
  afterAll(() => hub?.stop());

  const personQuery = (fields: string) =>
    `query ($p: ID!) { lineOfAction(code: JOB) { name } person(pseudonym: $p) { ${fields} } }`;

  it('lets an analyst read aggregates but no person, naming the field and the missing right', async () => {
    const response = await postGraphQL<{ lineOfAction: { name: string }; person: null }>(
      hub.gatewayUrl,
      personQuery('birthYear'),
      { p: pseudonym },
      await analystToken(),
    );
    expect(response.data).toEqual({ lineOfAction: { name: expect.any(String) }, person: null });
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['person'],
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          field: 'Query.person',
          missing: 'the role partner-staff with a purpose of processing',
        }),
      }),
    ]);
  });

  it('shows partner A\'s staff its own person fields and refuses partner B\'s, with the rest of the data', async () => {
    const response = await postGraphQL<{ person: { birthYear: number | null; employment: unknown[] } }>(
      hub.gatewayUrl,
      personQuery('birthYear employment { kind }'),
      { p: pseudonym },
      await staffToken('jobcentre'),
    );
    expect(response.data?.person.employment.length).toBeGreaterThan(0);
    expect(response.data?.person.birthYear).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['person', 'birthYear'],
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          field: 'Person.birthYear',
          missing: 'the role partner-staff of esbjerg-municipality with a purpose of processing',
        }),
      }),
    ]);
  });

  it('refuses person-level data to staff who give no purpose', async () => {
    const token = await callerToken({ partner: 'jobcentre-esbjerg', roles: [Role.PARTNER_STAFF] });
    const response = await postGraphQL(hub.gatewayUrl, personQuery('employment { kind }'), { p: pseudonym }, token);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.person' });
  });

  it('refuses a direct call to a subgraph without the gateway\'s token', async () => {
    const url = hub.subgraphs.jobcentre.url;
    const query = '{ _service { sdl } }';
    expectUnauthenticated(await postGraphQL(url, query, undefined, null), /answer only the hub's gateway|Missing/);
    expectUnauthenticated(await postGraphQL(url, query, undefined, await staffToken('jobcentre')), /answer only the hub's gateway/);
  });

  it('refuses person fields inside the subgraph even when the gateway vouches for an analyst', async () => {
    const token = await gatewayToken({ subject: 'ana', partner: 'lauritzen-foundation', roles: [Role.ANALYST], purpose: 'x' });
    const response = await postGraphQL<{ _entities: [{ employment: null }] }>(
      hub.subgraphs.jobcentre.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { employment { kind } } } }',
      { r: [{ __typename: 'Person', pseudonym }] },
      token,
    );
    expect(response.data?._entities).toEqual([{ employment: null }]);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Person.employment' });
  });

  it.each<[PartnerName, string]>([
    ['municipality', 'birthYear'],
    ['jobcentre', 'benefits { kind }'],
    ['housing-association', 'tenancy { unitNumber }'],
    ['volunteer-centre', 'clubMemberships { startedOn }'],
  ])('keeps %s\'s person field %s from every other partner\'s staff', async (owner, field) => {
    for (const other of ['municipality', 'jobcentre', 'housing-association', 'volunteer-centre'] as PartnerName[]) {
      if (other === owner) continue;
      const response = await postGraphQL(hub.gatewayUrl, personQuery(field), { p: pseudonym }, await staffToken(other));
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
