import { SignJWT, decodeJwt, jwtVerify, type KeyLike } from 'jose';
import { LRUCache } from 'lru-cache';
import { viewerFromClaims } from './claims';
import { UnauthenticatedError } from './errors';
import { bearer } from './callerVerifier';
import type { Viewer } from './Viewer';

export const GATEWAY_ISSUER = 'hub-gateway';
export const SUBGRAPH_AUDIENCE = 'hub-subgraphs';
/** Long enough for one request's query plan, short enough to be useless when stolen. */
const LIFETIME_SECONDS = 60;

/**
 * The gateway vouches for the caller it verified with a token of its own, signed with its own
 * key: subgraphs verify it themselves and refuse every call that does not carry it. It names the
 * caller, not the request (the request id travels as `x-request-id`), so the gateway can reuse it
 * for the same caller for part of its lifetime.
 */
export function signInternalToken(viewer: Viewer, gatewayKey: KeyLike): Promise<string> {
  return new SignJWT({
    partner: viewer.partner,
    roles: viewer.roles,
    ...(viewer.purpose ? { purpose: viewer.purpose } : {}),
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(viewer.subject)
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(SUBGRAPH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(gatewayKey);
}

/** A subgraph's check of the gateway's token. */
export async function verifyInternalToken(
  authorization: string | undefined,
  gatewayPublicKey: KeyLike,
): Promise<Viewer> {
  const token = bearer(authorization);
  try {
    const { payload } = await jwtVerify(token, gatewayPublicKey, {
      issuer: GATEWAY_ISSUER,
      audience: SUBGRAPH_AUDIENCE,
      algorithms: ['ES256'],
      clockTolerance: 5,
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.partner !== 'string') throw new UnauthenticatedError('The token names no partner.');
    return viewerFromClaims(payload, payload.partner);
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    throw new UnauthenticatedError('Subgraphs answer only the hub\'s gateway: the call carries no valid gateway token.');
  }
}

/** Gateway tokens a subgraph remembers as verified: the gateway reuses one per caller. */
const VERIFIED_TOKENS = 10_000;

/**
 * `verifyInternalToken` that verifies each token once and then knows it until it expires: the
 * gateway reuses its token for a caller (up to 30 s), and a signature check costs more than the
 * version probe or the cached answer it admits. A token not seen before, or expired, is checked.
 */
export function internalTokenVerifier(gatewayPublicKey: KeyLike): (authorization: string | undefined) => Promise<Viewer> {
  const verified = new LRUCache<string, { viewer: Viewer; until: number }>({ max: VERIFIED_TOKENS });
  return async (authorization) => {
    const known = authorization ? verified.get(authorization) : undefined;
    if (known && Date.now() < known.until) return known.viewer;
    const viewer = await verifyInternalToken(authorization, gatewayPublicKey);
    const { exp } = decodeJwt(bearer(authorization));
    if (authorization && exp) verified.set(authorization, { viewer, until: exp * 1000 });
    return viewer;
  };
}
