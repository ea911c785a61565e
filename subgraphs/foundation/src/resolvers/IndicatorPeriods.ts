import { lastDayOfMonth } from '@hub/core';
import { IndicatorPeriod } from '../entities/IndicatorEnums';

/** One point of a series: its period label and the day it is measured on. */
export interface PeriodDay {
  period: string;
  on: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The periods from the one holding `from` (the baseline date) to the one holding `until` (the
 * latest reference date, a month end), each measured on its last day, the running year on `until`.
 * Empty when `from` is after `until`.
 */
export function periodDays(period: IndicatorPeriod, from: string, until: string): PeriodDay[] {
  if (from > until) return [];
  const days: PeriodDay[] = [];
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [untilYear, untilMonth] = until.split('-').map(Number);
  if (period === IndicatorPeriod.YEAR) {
    for (let year = fromYear; year <= untilYear; year++) {
      days.push({ period: String(year), on: year === untilYear ? until : `${year}-12-31` });
    }
    return days;
  }
  for (let index = fromYear * 12 + fromMonth - 1; index <= untilYear * 12 + untilMonth - 1; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const running = year === untilYear && month === untilMonth;
    days.push({ period: `${year}-${pad(month)}`, on: running ? until : lastDayOfMonth(year, month) });
  }
  return days;
}
