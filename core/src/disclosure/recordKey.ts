import { createHash } from 'node:crypto';
import { CELL_KEY_SPACE } from './perturbation';

/** The public record-key secret of synthetic data: every development hub perturbs alike. */
export const DEVELOPMENT_RECORD_KEY_SECRET = 'partner-data-hub development record key secret: synthetic data only';

/** Shorter secrets are refused: the secret is all that keeps the noise of a cell from being computed. */
export const MIN_RECORD_KEY_SECRET_LENGTH = 32;

/**
 * The alliance's record-key secret, `HUB_RECORD_KEY_SECRET`: the same in every partner, so that one
 * person has one record key everywhere and two partners counting the same persons publish the same
 * figure. Unset, the public development secret serves synthetic data, never production.
 */
export function recordKeySecretFrom(env: NodeJS.ProcessEnv): string {
  const secret = env.HUB_RECORD_KEY_SECRET;
  if (secret === undefined || secret === '') {
    if (env.NODE_ENV === 'production') {
      // Refusing to start beats perturbing real data with noise anyone can compute.
      throw new Error("HUB_RECORD_KEY_SECRET is not set: production needs the alliance's own record-key secret.");
    }
    return DEVELOPMENT_RECORD_KEY_SECRET;
  }
  if (secret.length < MIN_RECORD_KEY_SECRET_LENGTH) {
    throw new Error(
      `HUB_RECORD_KEY_SECRET is too short: expected at least ${MIN_RECORD_KEY_SECRET_LENGTH} characters, got ${secret.length}.`,
    );
  }
  return secret;
}

const BLOCK_BYTES = 64;

/**
 * HMAC-SHA256's inner and outer keys (RFC 2104: the secret padded to a block, XOR 0x36 and 0x5c),
 * as hex. SQL computes the HMAC from them with the built-in `sha256`, on PostgreSQL and PGlite
 * alike, without an extension.
 */
function hmacPads(secret: string): [inner: string, outer: string] {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > BLOCK_BYTES) key = createHash('sha256').update(key).digest();
  const block = Buffer.alloc(BLOCK_BYTES);
  key.copy(block);
  const xor = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  return [xor(0x36), xor(0x5c)];
}

let pads: [string, string] | undefined;

/**
 * The query parameters `recordKeySql` refers to: bound, so the secret is never part of SQL text,
 * statement logs or `pg_stat_statements`. Read from the environment at the first call (a
 * subgraph makes it when it starts, so a missing or short secret stops it there); processes that
 * publish no counts, such as the gateway, never need the secret.
 */
export function recordKeyParams(): [string, string] {
  return (pads ??= hmacPads(recordKeySecretFrom(process.env)));
}

/**
 * SQL: the cell key from `sum`, an SQL sum of record keys (numeric, never overflowing): mod 2^32,
 * as a float8 so that `pg` reads it as a number.
 */
export function cellKeySql(sum: string): string {
  return `((${sum}) % ${CELL_KEY_SPACE})::float8`;
}

/**
 * SQL: the record key of the person `pseudonym` (an SQL expression), a whole number in [0, 2^32):
 * the first 32 bits of HMAC-SHA256(alliance secret, pseudonym). `$first` and `$first + 1` must
 * be bound to `recordKeyParams()`. Derived from the pseudonym, never from a national ID, and
 * unpredictable without the secret.
 */
export function recordKeySql(pseudonym: string, first: number): string {
  const digest = `sha256(decode($${first + 1}, 'hex') || sha256(decode($${first}, 'hex') || convert_to(${pseudonym}, 'UTF8')))`;
  return `('x' || encode(substring(${digest} FROM 1 FOR 4), 'hex'))::bit(32)::bigint`;
}
