import type { EntityManager } from 'typeorm';
import { badUserInput, echoed, notFound } from '@hub/core';

/** Longest name or description the registry keeps. */
export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 2000;

const CONTROL_CHARACTER = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAK = /[^\P{Cc}\n]/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A name: one line of 1 to `max` characters, without control characters. */
export function checkName(value: string, argument: string, max = MAX_NAME): void {
  if (!value.trim() || value.length > max || CONTROL_CHARACTER.test(value)) {
    throw badUserInput(`The ${argument} must be one line of 1 to ${max} characters without control characters.`, argument);
  }
}

/** A text of paragraphs: at most `max` characters, line breaks but no other control characters. */
export function checkText(value: string, argument: string, max = MAX_DESCRIPTION): void {
  if (value.length > max || CONTROL_EXCEPT_LINE_BREAK.test(value)) {
    throw badUserInput(`The ${argument} must be at most ${max} characters, without control characters but line breaks.`, argument);
  }
}

/** A code or name of a fixed shape: at most `MAX_NAME` characters matching `pattern`, described as `shape`. */
export function checkPattern(value: string, argument: string, pattern: RegExp, shape: string): void {
  if (value.length > MAX_NAME || !pattern.test(value)) {
    throw badUserInput(`The ${argument} must be ${shape}, at most ${MAX_NAME} characters; got "${echoed(value)}".`, argument);
  }
}

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export function checkDate(value: string, argument: string): void {
  const parsed = ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badUserInput(`The ${argument} must be a date written YYYY-MM-DD, got "${echoed(value)}".`, argument);
  }
}

/** A later date: `later` strictly after `earlier` (ISO dates compare as text). */
export function checkAfter(earlier: string, later: string, argument: string, what: string): void {
  if (later <= earlier) throw badUserInput(`The ${argument} (${later}) must come after ${what} (${earlier}).`, argument);
}

/** A finite number within [min, max]. */
export function checkRange(value: number, argument: string, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badUserInput(`The ${argument} must be between ${min} and ${max}, got ${value}.`, argument);
  }
}

/** The codes the registry refers to, and the table that lists each. */
const KNOWN = { area: 'area_reference', partner: 'partner' } as const;

/** A code the alliance knows, e.g. an area or a partner: NOT_FOUND naming the input field otherwise. */
export async function checkKnown(manager: EntityManager, kind: keyof typeof KNOWN, value: string, argument: string): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM ${KNOWN[kind]} WHERE code = $1`, [value]);
  if (!rows.length) throw notFound(`The alliance has no ${kind} "${echoed(value)}".`, argument, echoed(value));
}
