import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { viewerFromClaims } from './claims';
import { UnauthenticatedError, echoed, echoedQuoted } from './errors';
import type { Viewer } from './Viewer';

/** One partner organisation's identity provider that the gateway trusts. */
export interface TrustedIssuer {
  /** The token's `iss`. */
  issuer: string;
  /** The organisation this issuer speaks for: its tokens can only be for this partner. */
  partner: string;
  /** The `aud` the hub expects in this issuer's tokens. */
  audience: string;
  /** Where the issuer publishes its keys; or give `publicKeyPem`, or `jwks` inline. */
  jwksUrl?: string;
  publicKeyPem?: string;
  jwks?: { keys: object[] };
}

/** Small allowance for clocks that differ between an identity provider and the hub. */
export const CLOCK_SKEW_SECONDS = 30;
const ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

type KeySource = KeyLike | JWTVerifyGetKey;

async function keySource(trusted: TrustedIssuer): Promise<KeySource> {
  if (trusted.jwksUrl) return createRemoteJWKSet(new URL(trusted.jwksUrl));
  if (trusted.jwks) return createLocalJWKSet(trusted.jwks as Parameters<typeof createLocalJWKSet>[0]);
  if (trusted.publicKeyPem) return importSPKI(trusted.publicKeyPem, 'ES256');
  throw new Error(`Trusted issuer ${trusted.issuer} has no jwksUrl, jwks or publicKeyPem`);
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token\'s signature is not valid.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The token's "${error.claim}" claim is not accepted: ${error.reason}.`;
  }
  if (error instanceof errors.JOSEError) return `The token is not valid: ${error.message}`;
  return 'The token could not be verified.';
}

/**
 * Verifies callers' bearer tokens against several trusted issuers at once. The issuer decides
 * the partner organisation, so no partner can mint tokens for another.
 */
export async function createCallerVerifier(
  issuers: readonly TrustedIssuer[],
): Promise<(authorization: string | undefined) => Promise<Viewer>> {
  const byIssuer = new Map<string, { trusted: TrustedIssuer; key: KeySource }>();
  for (const trusted of issuers) byIssuer.set(trusted.issuer, { trusted, key: await keySource(trusted) });

  return async (authorization) => {
    const token = bearer(authorization);
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new UnauthenticatedError('The bearer token is not a JWT.');
    }
    const entry = issuer ? byIssuer.get(issuer) : undefined;
    if (!entry) throw new UnauthenticatedError(`The token's issuer ${echoedQuoted(issuer)} is not trusted.`);
    const { trusted, key } = entry;
    try {
      const { payload } = await jwtVerify(token, key as KeyLike, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      if (payload.partner !== undefined && payload.partner !== trusted.partner) {
        throw new UnauthenticatedError(
          `Issuer ${trusted.issuer} speaks for ${trusted.partner}, not for ${echoed(String(payload.partner))}.`,
        );
      }
      return viewerFromClaims(payload, trusted.partner);
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      throw new UnauthenticatedError(describe(error));
    }
  };
}

export function bearer(authorization: string | undefined): string {
  if (!authorization) throw new UnauthenticatedError('Missing "Authorization: Bearer <token>" header.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return match[1];
}
