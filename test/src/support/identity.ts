import {
  Role,
  devTrustedIssuers,
  generateKeyPairPem,
  importPrivateKey,
  mintDevToken,
  partnerSpec,
  signInternalToken,
  type KeyPairPem,
  type PartnerName,
  type Viewer,
} from '@hub/core';

/** Keys made fresh for this test process: an identity provider's and the gateway's. */
export interface TestIdentity {
  issuer: KeyPairPem;
  gateway: KeyPairPem;
}

let identity: Promise<TestIdentity> | undefined;

export function testIdentity(): Promise<TestIdentity> {
  identity ??= (async () => ({ issuer: await generateKeyPairPem(), gateway: await generateKeyPairPem() }))();
  return identity;
}

export async function trustedIssuers() {
  return devTrustedIssuers((await testIdentity()).issuer.publicKeyPem);
}

/** A caller's token for the gateway, as a partner's identity provider would issue it. */
export async function callerToken(request: { partner: string; roles: Role[]; purpose?: string; subject?: string; expiresIn?: string }) {
  return mintDevToken((await testIdentity()).issuer.privateKeyPem, request);
}

export const analystToken = () => callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST] });

/** Partner-staff of the organisation running `partner`'s subgraph, with a purpose. */
export const staffToken = (partner: PartnerName, purpose = 'follow-up of the part-time job programme') =>
  callerToken({ partner: partnerSpec(partner).organisation, roles: [Role.PARTNER_STAFF], purpose });

/** What the gateway would send a subgraph on behalf of `viewer` (for tests that call a subgraph directly). */
export async function gatewayToken(viewer: Viewer): Promise<string> {
  return signInternalToken(viewer, await importPrivateKey((await testIdentity()).gateway.privateKeyPem));
}

/** The owning partner's staff with a purpose, plus analyst: may read everything one subgraph has. */
export function ownStaff(partner: PartnerName): Viewer {
  return {
    subject: `test-staff@${partner}`,
    partner: partnerSpec(partner).organisation,
    roles: [Role.PARTNER_STAFF, Role.ANALYST],
    purpose: 'testing the subgraph',
  };
}
