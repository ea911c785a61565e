// Development identity for one benchmark run, in a throwaway folder: the hub's gateway key
// pair, a trusted-issuers file, a caller's token for the hub, and a long-lived gateway token
// for the contenders that do not sign one per request (the floor and Hive Gateway).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  GATEWAY_ISSUER,
  Role,
  SUBGRAPH_AUDIENCE,
  devTrustedIssuers,
  importPrivateKey,
  loadOrCreateDevKeys,
  mintDevToken,
} from '@hub/core';
import { SignJWT } from 'jose';

export interface BenchIdentity {
  /** What the hub's gateway reads: HUB_TRUSTED_ISSUERS_FILE, HUB_GATEWAY_PRIVATE_KEY_FILE. */
  gatewayEnv: Record<string, string>;
  gatewayPublicKeyPem: string;
  /** The caller: an analyst of the alliance, as `hub start`'s sandbox link. */
  callerToken: string;
  /** The token the hub's gateway would sign for that caller, valid for the whole run. */
  internalToken: string;
}

const CALLER = { partner: 'lauritzen-foundation', roles: [Role.ANALYST] };

export async function benchIdentity(dir: string): Promise<BenchIdentity> {
  const keys = await loadOrCreateDevKeys(dir);
  const trustFile = path.join(dir, 'trusted-issuers.json');
  writeFileSync(trustFile, JSON.stringify(devTrustedIssuers(keys.issuer.publicKeyPem)));
  // The same claims as signInternalToken, whose 60-second lifetime would end mid-run.
  const internalToken = await new SignJWT({ ...CALLER, rid: 'bench' })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('bench-analyst')
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(await importPrivateKey(keys.gateway.privateKeyPem));
  return {
    gatewayEnv: {
      HUB_TRUSTED_ISSUERS_FILE: trustFile,
      HUB_GATEWAY_PRIVATE_KEY_FILE: path.join(dir, 'gateway.key'),
    },
    gatewayPublicKeyPem: keys.gateway.publicKeyPem,
    callerToken: await mintDevToken(keys.issuer.privateKeyPem, { ...CALLER, subject: 'bench-analyst', expiresIn: '12h' }),
    internalToken,
  };
}
