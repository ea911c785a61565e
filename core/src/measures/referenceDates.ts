import { badUserInput } from '../graphql/errors';

/**
 * Stocks (residents, shares, members on a day) are published for reference dates only: the last
 * day of a month, from the alliance's baseline year, never after today. On any day, two answers a
 * day apart would differ by the one or two persons who moved, were born or took a job in between;
 * a month of everyone's changes drowns that. Month ends are also the days the indicators' series
 * are measured on, so every dated figure of the graph shares one calendar.
 */
export const FIRST_STOCK_REFERENCE_DATE = '2017-01-31';

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (month 1-12), as `YYYY-MM-DD`. */
export function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Whether `day` (YYYY-MM-DD) is the last day of its month, on or after the first reference date. */
export function isStockReferenceDate(day: string): boolean {
  const [year, month] = day.split('-').map(Number);
  return day >= FIRST_STOCK_REFERENCE_DATE && day === lastDayOfMonth(year, month);
}

/** The latest month end on or before `day`: `day` itself at a month's end, else the previous month's. */
export function latestStockReferenceDate(day: string): string {
  const [year, month] = day.split('-').map(Number);
  const end = lastDayOfMonth(year, month);
  return end === day ? day : lastDayOfMonth(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1);
}

/** Today's date as `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The reference date an `on` argument asks for: the latest one when left out, the day given when
 * it is a reference date, else BAD_USER_INPUT naming the argument and the latest valid day.
 */
export function referenceDateArg(on: string | null | undefined, argument = 'on'): string {
  const latest = latestStockReferenceDate(today());
  if (on === null || on === undefined) return latest;
  if (!isStockReferenceDate(on) || on > latest) {
    throw badUserInput(
      `"${argument}" must be a reference date: the last day of a month from ${FIRST_STOCK_REFERENCE_DATE} to ${latest}; got ${on}.`,
      argument,
    );
  }
  return on;
}
