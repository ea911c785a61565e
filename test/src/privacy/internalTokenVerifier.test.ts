import { Role, UnauthenticatedError, importPublicKey, internalTokenVerifier, type Viewer } from '@hub/core';
import { gatewayToken, testIdentity } from '../support/identity';

const viewer: Viewer = { partner: 'lauritzen-foundation', roles: [Role.ANALYST], subject: 'analyst@lauritzen-foundation', purpose: null };

describe("a subgraph's check of the gateway's token, remembered until the token expires", () => {
  it('gives the same caller for a token checked before, and checks every other token on its own', async () => {
    const verify = internalTokenVerifier(await importPublicKey((await testIdentity()).gateway.publicKeyPem));
    const token = await gatewayToken(viewer);
    expect(await verify(`Bearer ${token}`)).toMatchObject({ partner: viewer.partner, roles: viewer.roles, subject: viewer.subject });
    expect(await verify(`Bearer ${token}`)).toMatchObject({ partner: viewer.partner, subject: viewer.subject });
    // A token with its signature changed is another string: checked, and refused.
    const [head, body, signature] = token.split('.');
    const forged = `${head}.${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(verify(`Bearer ${forged}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verify(undefined)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
