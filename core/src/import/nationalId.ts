/** What a national ID is replaced with wherever an imported row is shown (rejects file, errors). */
export const NATIONAL_ID_MASK = '******-****';

/** A Danish national ID (CPR number) read from an extract, in the form every partner hashes. */
export interface NationalId {
  /** `DDMMYY-SSSS`, the form the alliance pseudonymises (the seed does the same), dash included. */
  canonical: string;
  birthYear: number;
}

const SHAPE = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

/**
 * Reads `DDMMYY-SSSS` or `DDMMYYSSSS` (surrounding spaces ignored). The century comes from the
 * first serial digit as in the CPR scheme; replacement numbers (day of month + 60) are accepted.
 * There is no modulus-11 check: CPR numbers issued since 2007 need not pass it.
 * @returns the ID, or why it is not one; the reason never repeats the value.
 */
export function parseNationalId(raw: string): { ok: true; value: NationalId } | { ok: false; reason: string } {
  const text = raw.trim();
  const match = SHAPE.exec(text);
  if (!match) {
    const digits = text.replace(/\D/g, '');
    const lostZero = /^\d{5}-?\d{4}$/.test(text) ? ' (was a leading zero lost, e.g. by a spreadsheet?)' : '';
    return {
      ok: false,
      reason: `not a national ID: expected DDMMYY-SSSS or DDMMYYSSSS, got ${digits.length} digits${lostZero}`,
    };
  }
  const [, dd, mm, yy, centuryDigit, rest] = match;
  const rawDay = Number(dd);
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  const birthYear = centuryOf(Number(centuryDigit), Number(yy)) + Number(yy);
  if (!isCalendarDate(birthYear, Number(mm), day)) {
    return { ok: false, reason: 'not a national ID: its first six digits are not a date of birth (DDMMYY)' };
  }
  return { ok: true, value: { canonical: `${dd}${mm}${yy}-${centuryDigit}${rest}`, birthYear } };
}

function centuryOf(centuryDigit: number, yy: number): number {
  if (centuryDigit <= 3) return 1900;
  if (centuryDigit === 4 || centuryDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Shaped like a national ID or a mistyped one: six digits, an optional dash and three to five
 * more, or a run of nine to eleven digits (a leading zero lost); never part of a longer run.
 */
const ID_SHAPED = /(?<!\d)(?:\d{6}-?\d{3,5}|\d{9,11})(?!\d)/g;

/**
 * Masks everything shaped like a national ID in a text shown to people, digit by digit: a value
 * from another column (shifted columns, a pasted ID) must not leak through a message either.
 */
export function maskNationalIds(text: string): string {
  return text.replace(ID_SHAPED, (match) => match.replace(/\d/g, '*'));
}

/** Six digits, a dash, a space or nothing, four digits; never part of a longer run of digits. */
const EMBEDDED_ID = /(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)/g;

/**
 * A national ID inside some other text (a name, a remark, a shifted column): shaped like one and
 * with a date of birth as its first six digits, so phone numbers and dates do not count.
 */
export function holdsNationalId(text: string): boolean {
  for (const [, birth, serial] of text.matchAll(EMBEDDED_ID)) {
    if (parseNationalId(`${birth}-${serial}`).ok) return true;
  }
  return false;
}
