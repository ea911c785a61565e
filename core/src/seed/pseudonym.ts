import { createHmac } from 'node:crypto';

/**
 * The alliance's linkage pseudonym: HMAC-SHA-256 of the national ID under the alliance's secret
 * key, as 64 lowercase hex characters. Every partner computes the same pseudonym for the same
 * person, so slices line up without any partner ever sharing a national ID; without the key the
 * pseudonym cannot be recomputed from a guessed ID.
 */
export function pseudonymise(nationalId: string, linkageKey: string): string {
  if (linkageKey.length === 0) throw new Error('pseudonymise: expected a non-empty linkage key, got ""');
  return createHmac('sha256', linkageKey).update(nationalId, 'utf8').digest('hex');
}
