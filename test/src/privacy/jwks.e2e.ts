import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUB_AUDIENCE, Role, createCallerVerifier } from '@hub/core';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';

/** A partner's identity provider as the gateway meets it: keys published at a JWKS URL. */
describe('a trusted issuer publishing its keys at a JWKS URL', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  const issuer = 'https://idp.ungdomsbo.test';

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'ungdomsbo-2026', alg: 'ES256', use: 'sig' };
    server = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (kid: string, key = privateKey) =>
    new SignJWT({ roles: [Role.PARTNER_STAFF], purpose: 'tenant counselling' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setAudience(HUB_AUDIENCE)
      .setSubject('kim@ungdomsbo')
      .setExpirationTime('5m')
      .sign(key);

  it('verifies a token signed with a published key and maps it to the issuer\'s organisation', async () => {
    const verify = await createCallerVerifier([{ issuer, partner: 'ungdomsbo', audience: HUB_AUDIENCE, jwksUrl }]);
    await expect(verify(`Bearer ${await sign('ungdomsbo-2026')}`)).resolves.toEqual({
      subject: 'kim@ungdomsbo',
      partner: 'ungdomsbo',
      roles: [Role.PARTNER_STAFF],
      purpose: 'tenant counselling',
    });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const verify = await createCallerVerifier([{ issuer, partner: 'ungdomsbo', audience: HUB_AUDIENCE, jwksUrl }]);
    const stranger = (await generateKeyPair('ES256')).privateKey;
    await expect(verify(`Bearer ${await sign('ungdomsbo-2026', stranger)}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(verify(`Bearer ${await sign('unknown-kid')}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
