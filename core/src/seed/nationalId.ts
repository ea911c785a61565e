import { civilOf, type Day } from './dates';
import type { Random } from './random';

/**
 * Synthetic Danish CPR-like national IDs, `DDMMYY-SSSS`. They exist only in memory while the
 * population is generated: each is pseudonymised at once and never written to the World.
 *
 * The first serial digit encodes the century as in the real CPR scheme, so the two-digit year
 * reads back to the right birth year: 0-3 for 1900-1999, 5-8 for 2000-2057.
 */
export function nationalIdFor(birthDay: Day, random: Random): string {
  const { year, month, dayOfMonth } = civilOf(birthDay);
  if (year < 1900 || year > 2057) {
    throw new Error(`nationalIdFor: expected a birth year in 1900-2057, got ${year}`);
  }
  const centuryDigit = year < 2000 ? random.int(0, 3) : random.int(5, 8);
  const serial = `${centuryDigit}${String(random.int(0, 999)).padStart(3, '0')}`;
  return `${pad2(dayOfMonth)}${pad2(month)}${pad2(year % 100)}-${serial}`;
}

/** The birth year a CPR-like ID encodes (used by tests of the scheme, not by the generator). */
export function birthYearOfNationalId(nationalId: string): number {
  const match = /^(\d{2})(\d{2})(\d{2})-(\d)\d{3}$/.exec(nationalId);
  if (!match) throw new Error(`Expected a national ID as DDMMYY-SSSS, got "${nationalId}"`);
  const yy = Number(match[3]);
  const centuryDigit = Number(match[4]);
  if (centuryDigit <= 3) return 1900 + yy;
  if (centuryDigit === 4 || centuryDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Draws IDs until one is new: the same person must never get two pseudonyms, nor two persons one. */
export function uniqueNationalIdFor(birthDay: Day, random: Random, taken: Set<string>): string {
  for (;;) {
    const nationalId = nationalIdFor(birthDay, random);
    if (!taken.has(nationalId)) {
      taken.add(nationalId);
      return nationalId;
    }
  }
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
