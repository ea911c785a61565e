import { dayOf, isoOf, yearOf, type Day } from './dates';
import type { Random } from './random';
import type { Spell } from './world';

/** First day of the facts in every slice: the alliance's baseline year. */
export const WORLD_START_ISO = '2017-01-01';

/** A spell in day numbers, before it is clipped to the extract window and written out. */
export interface DaySpell<K extends string> {
  kind: K;
  start: Day;
  end: Day;
}

/** The extract window: facts from the baseline up to the extract date. */
export interface Window {
  start: Day;
  until: Day;
}

/**
 * Clips a spell to the extract window. Returns null when it lies wholly outside. A spell that
 * reaches the extract date is open (`endedOn: null`): at that date nobody knows when it ends.
 */
export function clipSpell(start: Day, end: Day, window: Window): { startedOn: string; endedOn: string | null } | null {
  if (end < window.start || start > window.until) return null;
  return {
    startedOn: isoOf(Math.max(start, window.start)),
    endedOn: end >= window.until ? null : isoOf(end),
  };
}

/** Writes one person's spells as records, clipped to the extract window. */
export function toSpellRecords<K extends string>(
  pseudonym: string,
  spells: readonly DaySpell<K>[],
  window: Window,
): Spell<K>[] {
  const records: Spell<K>[] = [];
  for (const spell of spells) {
    const clipped = clipSpell(spell.start, spell.end, window);
    if (clipped) records.push({ pseudonym, kind: spell.kind, startedOn: clipped.startedOn, endedOn: clipped.endedOn });
  }
  return records;
}

/** Joins back-to-back spells of the same kind, so a status that carries on is one spell. */
export function mergeAdjacent<K extends string>(spells: readonly DaySpell<K>[]): DaySpell<K>[] {
  const merged: DaySpell<K>[] = [];
  for (const spell of spells) {
    const last = merged[merged.length - 1];
    if (last && last.kind === spell.kind && last.end + 1 === spell.start) last.end = spell.end;
    else merged.push({ ...spell });
  }
  return merged;
}

/** How an alternating process draws its next gap and spell, both in days. */
export interface AlternatingRates {
  /** Mean length of the gap that starts on `day`; the gap is drawn exponentially (memoryless). */
  meanGapDays(day: Day): number;
  /** Length of a spell that starts on `day`. */
  spellDays(day: Day, random: Random): number;
}

/**
 * Gaps and spells one after another over [from, to], starting with a gap: a part-time job or a
 * club membership comes and goes. Rates may change with age and calendar time: a gap is drawn
 * with the rate of the day it starts and, being memoryless, drawn afresh at each 1 January it
 * would cross, so a low rate at 13 does not hold a young person back at 15. Spells are cut at
 * `to` (the end of the eligible age).
 */
export function alternatingSpells(from: Day, to: Day, rates: AlternatingRates, random: Random): [Day, Day][] {
  const spells: [Day, Day][] = [];
  let day = from;
  for (;;) {
    day = endOfGap(day, to, rates, random);
    if (day > to) return spells;
    const end = Math.min(to, day + Math.max(1, Math.round(rates.spellDays(day, random))) - 1);
    spells.push([day, end]);
    day = end + 1;
  }
}

/** The first day of the next spell after a gap that starts on `day`; past `to` if there is none. */
function endOfGap(day: Day, to: Day, rates: AlternatingRates, random: Random): Day {
  let current = day + 1;
  while (current <= to) {
    const nextNewYear = dayOf(yearOf(current) + 1, 1, 1);
    const candidate = current + Math.floor(random.exponential(rates.meanGapDays(current)));
    if (candidate < nextNewYear) return candidate;
    current = nextNewYear;
  }
  return current;
}

/** Plain code-unit order: stable across locales, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lerp(from: number, to: number, fraction: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  return from + (to - from) * clamped;
}
