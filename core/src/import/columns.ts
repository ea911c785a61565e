import { isCalendarDate, maskNationalIds, parseNationalId } from './nationalId';
import type { Problem } from './ImportMapping';

/** A public area code as the partner's own `area_reference` table holds it. */
export interface AreaRef {
  code: string;
  kind: 'MUNICIPALITY' | 'DISTRICT' | 'ESTATE';
  parentCode: string | null;
}

/** What a column's parser may use besides the text of its cell. */
export interface ImportContext {
  /** The alliance's pseudonym of a national ID in canonical form (the key stays inside). */
  pseudonymise(nationalId: string): string;
  /** The partner's `area_reference`, by code. */
  areas: ReadonlyMap<string, AreaRef>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One column of an extract: its documentation and how its text becomes a value. */
export interface ColumnSpec<T> {
  /** For docs/partner-it.md and `hub import --help`. */
  description: string;
  /** The kind of value, as people read it: "date (YYYY-MM-DD)". */
  type: string;
  /** An empty cell is a problem ("missing") unless the column is optional. */
  required: boolean;
  /** A national ID: never shown, never stored; masked in the rejects file. */
  nationalId?: boolean;
  /** Called with the cell's text, never empty for a required column. */
  parse(text: string, context: ImportContext): Parsed<T>;
}

/** A person's national ID as read from a row: only its pseudonym and birth year remain. */
export interface PersonKey {
  pseudonym: string;
  birthYear: number;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** How a value from the file is quoted in a reason: IDs masked, long values cut. */
export function quoted(text: string): string {
  const masked = maskNationalIds(text);
  return JSON.stringify(masked.length > 40 ? `${masked.slice(0, 40)}…` : masked);
}

/** The national ID column: replaced by its pseudonym at once; the ID itself goes no further. */
export function nationalIdColumn(description: string): ColumnSpec<PersonKey> {
  return {
    description,
    type: 'national ID (DDMMYY-SSSS or DDMMYYSSSS)',
    required: true,
    nationalId: true,
    parse(text, context) {
      const parsed = parseNationalId(text);
      if (!parsed.ok) return parsed;
      return ok({ pseudonym: context.pseudonymise(parsed.value.canonical), birthYear: parsed.value.birthYear });
    },
  };
}

/** One of a fixed list of codes, written exactly (case-sensitive). */
export function oneOfColumn<const V extends string>(values: readonly V[], description: string): ColumnSpec<V> {
  return {
    description,
    type: `one of ${values.join(', ')}`,
    required: true,
    parse(text) {
      const value = text.trim();
      return (values as readonly string[]).includes(value)
        ? ok(value as V)
        : bad(`expected one of ${values.join(', ')}, got ${quoted(value)}`);
    },
  };
}

/** A calendar date, ISO 8601 (`2024-03-01`), between 1900 and 2099. */
export function dateColumn(description: string): ColumnSpec<string> {
  return {
    description,
    type: 'date (YYYY-MM-DD)',
    required: true,
    parse(text) {
      const value = text.trim();
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return bad(`expected a date as YYYY-MM-DD, got ${quoted(value)}`);
      const [year, month, day] = match.slice(1).map(Number);
      if (!isCalendarDate(year, month, day)) return bad(`${quoted(value)} is not a date in the calendar`);
      if (year < 1900 || year > 2099) return bad(`expected a date between 1900 and 2099, got ${quoted(value)}`);
      return ok(value);
    },
  };
}

/** A code from the partner's copy of the public area reference, of one kind. */
export function areaColumn(kind: AreaRef['kind'], description: string): ColumnSpec<AreaRef> {
  const noun = kind.toLowerCase();
  return {
    description,
    type: `${noun} code (area reference)`,
    required: true,
    parse(text, context) {
      const code = text.trim();
      const area = context.areas.get(code);
      if (!area) return bad(`unknown ${noun} code ${quoted(code)}`);
      if (area.kind !== kind) return bad(`${quoted(code)} is a ${area.kind.toLowerCase()}, expected a ${noun}`);
      return ok(area);
    },
  };
}

/** A code from the partner's copy of the public area reference, of any kind: the municipality, a district or an estate. */
export function anyAreaColumn(description: string): ColumnSpec<AreaRef> {
  return {
    description,
    type: 'area code (area reference: municipality, district or estate)',
    required: true,
    parse(text, context) {
      const code = text.trim();
      const area = context.areas.get(code);
      return area ? ok(area) : bad(`unknown area code ${quoted(code)}`);
    },
  };
}

/** The same column, but an empty cell is allowed and reads as null. */
export function optional<T>(column: ColumnSpec<T>): ColumnSpec<T | null> {
  if (column.nationalId) throw new Error("optional: the national ID column is the row's key and cannot be optional");
  return { ...column, required: false };
}

/** One line of text such as a name (at most 200 characters); with `pattern`, only text it matches. */
export function textColumn(description: string, pattern?: { regex: RegExp; type: string }): ColumnSpec<string> {
  return {
    description,
    type: pattern?.type ?? 'text',
    required: true,
    parse(text) {
      const value = text.trim();
      if (value.length > 200) return bad(`expected at most 200 characters, got ${value.length}`);
      if (/\p{Cc}/u.test(value)) return bad('expected one line of text, got a line break or control character');
      if (pattern && !pattern.regex.test(value)) return bad(`expected ${pattern.type}, got ${quoted(value)}`);
      return ok(value);
    },
  };
}

/** A whole number in digits only (no sign, no thousands separator), from `min` to `max`. */
export function integerColumn(description: string, range: { min: number; max: number }): ColumnSpec<number> {
  return {
    description,
    type: `whole number from ${range.min} to ${range.max}`,
    required: true,
    parse(text) {
      const value = text.trim();
      if (!/^\d{1,15}$/.test(value)) return bad(`expected a whole number, got ${quoted(value)}`);
      const number = Number(value);
      if (number < range.min || number > range.max) {
        return bad(`expected a whole number from ${range.min} to ${range.max}, got ${value}`);
      }
      return ok(number);
    },
  };
}

/**
 * A decimal number from `min` to `max` with at most `places` decimals. A decimal comma is read as
 * a point, as Danish spreadsheets write it; a thousands separator is then refused by `places`.
 */
export function decimalColumn(
  description: string,
  range: { min: number; max: number; places: number },
): ColumnSpec<number> {
  return {
    description,
    type: `number from ${range.min} to ${range.max}, at most ${range.places} decimals (point or comma)`,
    required: true,
    parse(text) {
      const value = text.trim();
      const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(value);
      if (!match) return bad(`expected a number (digits, then a point or comma and decimals), got ${quoted(value)}`);
      if ((match[2]?.length ?? 0) > range.places) {
        return bad(`expected at most ${range.places} decimals, got ${quoted(value)}`);
      }
      const number = Number(`${match[1]}.${match[2] ?? '0'}`);
      if (number < range.min || number > range.max) {
        return bad(`expected a number from ${range.min} to ${range.max}, got ${value}`);
      }
      return ok(number);
    },
  };
}

/** A stable code (slug) of a partner's own record: lowercase letters, digits and single dashes. */
export function codeColumn(description: string): ColumnSpec<string> {
  return textColumn(description, { regex: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, type: 'code (a-z, 0-9 and dashes)' });
}

/** Where a person lives, as person-level extracts give it: a district and, if any, an estate in it. */
export function residenceColumns() {
  return {
    district: areaColumn('DISTRICT', 'district the person lives in, e.g. osterbyen'),
    estate: optional(areaColumn('ESTATE', 'social-housing estate the person lives in, if any, e.g. hedelundgardparken')),
  };
}

/** A residence's check across columns: the estate must lie in the district given with it. */
export function residenceProblem(row: { district: AreaRef; estate: AreaRef | null }): Problem | undefined {
  if (row.estate && row.estate.parentCode !== row.district.code) {
    return { column: 'estate', reason: `estate ${row.estate.code} is not in district ${row.district.code}` };
  }
  return undefined;
}

/** A spell's check across columns: it may not end (`end`, in column `endColumn`) before it starts. */
export function spellProblem(start: string, end: string | null, endColumn: string, noun: string): Problem | undefined {
  if (end !== null && end < start) return { column: endColumn, reason: `the ${noun} ends (${end}) before it starts (${start})` };
  return undefined;
}

/**
 * The columns every partner keeps with a person-level row (pseudonym, birth year, residence), as
 * `personRow` of the seed writes them.
 */
export function personColumnsOf(row: { cpr: PersonKey; district: AreaRef; estate: AreaRef | null }) {
  return {
    pseudonym: row.cpr.pseudonym,
    birth_year: row.cpr.birthYear,
    municipality_code: row.district.parentCode,
    district_code: row.district.code,
    estate_code: row.estate?.code ?? null,
  };
}
