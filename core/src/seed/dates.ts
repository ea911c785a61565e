/**
 * Dates as whole days since 1970-01-01 (UTC). The generator does its arithmetic on these integers
 * and turns them into ISO strings only when writing records: it is simpler and much faster than
 * `Date` objects for the hundreds of thousands of spells of a large world.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Parses `YYYY-MM-DD`; throws if the string is not a real calendar date. */
export function parseDay(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${iso}"`);
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayOf(year, month, dayOfMonth);
  if (isoOf(day) !== iso) throw new Error(`Expected a real calendar date, got "${iso}"`);
  return day;
}

/** Calendar year, month (1-12) and day of month of a day number (Hinnant's civil_from_days). */
export function civilOf(day: Day): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, dayOfMonth };
}

export function yearOf(day: Day): number {
  return civilOf(day).year;
}

export function isoOf(day: Day): string {
  const { year, month, dayOfMonth } = civilOf(day);
  return `${year}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** First day of the calendar year in which a person born in `birthYear` turns `age`. */
export function startOfAgeYear(birthYear: number, age: number): Day {
  return dayOf(birthYear + age, 1, 1);
}

/** Last day of the calendar year in which a person born in `birthYear` turns `age`. */
export function endOfAgeYear(birthYear: number, age: number): Day {
  return dayOf(birthYear + age, 12, 31);
}

/** Danish school years start on 1 August; `schoolYear` is the calendar year it starts in. */
export function schoolYearStart(schoolYear: number): Day {
  return dayOf(schoolYear, 8, 1);
}

export function schoolYearEnd(schoolYear: number): Day {
  return dayOf(schoolYear + 1, 7, 31);
}

/** The school year that contains `day`. */
export function schoolYearOf(day: Day): number {
  const { year, month } = civilOf(day);
  return month >= 8 ? year : year - 1;
}

/** Average month in days, for spell lengths drawn in months. */
export const DAYS_PER_MONTH = 30.44;
