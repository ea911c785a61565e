import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Viewer } from '@hub/core';

/** A verified caller and the gateway's token vouching for it. */
export interface VouchedCaller {
  viewer: Viewer;
  internalToken: string;
}

/** The gateway's own tokens live 60 s: reused for at most half of that, each call has 30 s left. */
const REUSE_MS = 30_000;
const MAX_CALLERS = 10_000;

/**
 * Verifying the caller's ES256 signature and signing the gateway's own token were ~6 % of the
 * gateway's CPU per request in the benchmark's profile, for the same few dashboard tokens again
 * and again. A verified token is kept, with the gateway's token for it, until the caller's token
 * expires or for 30 s, whichever comes first. Failures are never cached: a refused token is checked
 * afresh (and refused afresh) every time.
 */
export function cachedVouching(
  vouch: (authorization: string | undefined) => Promise<VouchedCaller>,
): (authorization: string | undefined) => Promise<VouchedCaller> {
  const cache = new LRUCache<string, VouchedCaller>({ max: MAX_CALLERS });
  return async (authorization) => {
    if (!authorization) return vouch(authorization);
    const cached = cache.get(authorization);
    if (cached) return cached;
    const vouched = await vouch(authorization);
    const ttl = Math.min(REUSE_MS, expiresInMs(authorization));
    if (ttl > 0) cache.set(authorization, vouched, { ttl });
    return vouched;
  };
}

/** Milliseconds until the (already verified) bearer token's `exp`. */
function expiresInMs(authorization: string): number {
  const token = authorization.trim().split(/\s+/)[1] ?? '';
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 - Date.now() : 0;
}
