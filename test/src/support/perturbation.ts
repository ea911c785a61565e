// What the disclosure layer publishes for a set of persons, worked out independently of the hub's
// SQL: record keys with Node's HMAC, the cell key as their sum, the count through core's table.
// Tests count the persons on a partner's own database and compare the graph's figure with this.
import { createHmac } from 'node:crypto';
import { CELL_KEY_SPACE, DEVELOPMENT_RECORD_KEY_SECRET, perturbedCount, type CountCell } from '@hub/core';

const keys = new Map<string, number>();

/** A person's record key: the first 32 bits of HMAC-SHA256(development secret, pseudonym). */
export function recordKey(pseudonym: string): number {
  let key = keys.get(pseudonym);
  if (key === undefined) {
    key = createHmac('sha256', DEVELOPMENT_RECORD_KEY_SECRET).update(pseudonym, 'utf8').digest().readUInt32BE(0);
    keys.set(pseudonym, key);
  }
  return key;
}

/** The cell of these records (one per person, or per placement: a person placed twice counts twice). */
export function cellOf(pseudonyms: readonly string[]): CountCell {
  return { count: pseudonyms.length, key: pseudonyms.reduce((sum, p) => (sum + recordKey(p)) % CELL_KEY_SPACE, 0) };
}

/** The count the hub publishes for these records (0 when it withholds them). */
export const publishedCount = (pseudonyms: readonly string[]): number => perturbedCount(cellOf(pseudonyms));

/** The share the hub publishes of `part` among `whole`, with its published counts. */
export function publishedShare(part: readonly string[], whole: readonly string[]) {
  const [numerator, denominator] = [publishedCount(part), publishedCount(whole)];
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}
