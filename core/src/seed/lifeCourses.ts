import type { Neighbourhood } from './areas';
import { endOfAgeYear, schoolYearEnd, schoolYearStart, startOfAgeYear, type Day } from './dates';
import type { SimulatedPerson } from './population';
import { createRandom, type Random } from './random';
import { lerp, mergeAdjacent, type DaySpell, type Window } from './spells';
import type { YouthStatus } from './world';

/**
 * What a person does in one school year, from the year they turn 14 to the year they turn 34:
 * in education, in work, or neither. The municipality's youth register shows the years they are
 * 15-24; the jobcentre reads work and benefits off the same course from 18 on, so the slices
 * agree with each other the way real registers roughly do.
 */
export interface SchoolYearState {
  schoolYear: number;
  /** Age reached in the calendar year the school year starts (the hub's age convention). */
  age: number;
  status: YouthStatus;
  /** The school year's days inside the extract window. */
  start: Day;
  end: Day;
}

export interface LifeCourse {
  person: SimulatedPerson;
  states: SchoolYearState[];
}

/**
 * How strongly a person's situation carries over from year to year: with this probability a
 * year's draw reuses the person's own fixed propensity instead of a fresh one. Each year's share
 * still matches its target, but the same young people stay NEET for several years, as they do.
 */
const PERSISTENCE = 0.75;

/** The school year the housing-social project measures its baseline in (2016/17). */
const BASELINE_SCHOOL_YEAR = 2016;
/** The school year by which the estate's trend is planned to reach its level of today. */
const TREND_END_SCHOOL_YEAR = 2026;

export function generateLifeCourses(
  people: readonly SimulatedPerson[],
  window: Window,
  seed: string,
  lastSchoolYear: number,
): LifeCourse[] {
  const random = createRandom(seed, 'life-courses');
  return people.map((person) => ({ person, states: statesOf(person, window, lastSchoolYear, random) }));
}

function statesOf(person: SimulatedPerson, window: Window, lastSchoolYear: number, random: Random): SchoolYearState[] {
  // A person's propensities stay fixed for life: see PERSISTENCE.
  const neitherPropensity = random.next();
  const workPropensity = random.next();
  const states: SchoolYearState[] = [];
  const first = Math.max(BASELINE_SCHOOL_YEAR, person.birthYear + 14);
  const last = Math.min(lastSchoolYear, person.birthYear + 34);
  for (let schoolYear = first; schoolYear <= last; schoolYear++) {
    const age = schoolYear - person.birthYear;
    const neither = persistent(neitherPropensity, random) < neitherShare(person.neighbourhood, schoolYear, age);
    const work = persistent(workPropensity, random) < workShareOutsideNeither(age);
    states.push({
      schoolYear,
      age,
      status: neither ? 'NEITHER' : work ? 'WORK' : 'EDUCATION',
      start: Math.max(schoolYearStart(schoolYear), window.start),
      end: Math.min(schoolYearEnd(schoolYear), window.until),
    });
  }
  return states;
}

function persistent(propensity: number, random: Random): number {
  const fresh = random.next();
  return random.next() < PERSISTENCE ? propensity : fresh;
}

/**
 * Share in neither education nor work. For 15-24 it follows the cases: about 18 % in Østerbyen,
 * about 30 % in Hedelundgårdparken at the 2016/17 baseline falling to about 18 % (the project's
 * 50 % cut not yet reached), a few per cent elsewhere. The rest of Esbjerg is set low because
 * the two areas are over-represented in the synthetic population.
 */
function neitherShare(neighbourhood: Neighbourhood, schoolYear: number, age: number): number {
  const trend = (schoolYear - BASELINE_SCHOOL_YEAR) / (TREND_END_SCHOOL_YEAR - BASELINE_SCHOOL_YEAR);
  if (age >= 25) return ADULT_NEITHER[neighbourhood];
  const [atBaseline, atTrendEnd] = YOUTH_NEITHER[neighbourhood];
  return lerp(atBaseline, atTrendEnd, trend) * youthAgeFactor(age);
}

const YOUTH_NEITHER: Record<Neighbourhood, [number, number]> = {
  HEDELUNDGARDPARKEN: [0.32, 0.18],
  OSTERBYEN: [0.2, 0.175],
  HEDELUND_OTHER: [0.12, 0.11],
  KVAGLUNDPARKEN: [0.08, 0.07],
  REST: [0.04, 0.03],
};

/** Not in work or education at 25-34: unemployed, on leave or outside the labour market. */
const ADULT_NEITHER: Record<Neighbourhood, number> = {
  HEDELUNDGARDPARKEN: 0.22,
  OSTERBYEN: 0.16,
  HEDELUND_OTHER: 0.12,
  KVAGLUNDPARKEN: 0.1,
  REST: 0.06,
};

/** 15-17-year-olds are nearly all in school; dropping out shows from 18 on. */
function youthAgeFactor(age: number): number {
  if (age <= 15) return 0.3;
  if (age <= 17) return 0.6;
  return 1.25;
}

/** Of those not NEET: the share working rather than studying grows with age. */
function workShareOutsideNeither(age: number): number {
  if (age <= 17) return 0;
  if (age <= 19) return 0.12;
  if (age <= 21) return 0.3;
  if (age <= 24) return 0.45;
  if (age <= 29) return 0.85;
  return 0.95;
}

/**
 * The youth register's view: the years a person turns 15 through 24, one status at a time,
 * equal statuses in a row merged into one spell.
 */
export function youthStatusSpells(course: LifeCourse): DaySpell<YouthStatus>[] {
  const coveredFrom = startOfAgeYear(course.person.birthYear, 15);
  const coveredTo = endOfAgeYear(course.person.birthYear, 24);
  const spells: DaySpell<YouthStatus>[] = [];
  for (const state of course.states) {
    const start = Math.max(state.start, coveredFrom);
    const end = Math.min(state.end, coveredTo);
    if (start <= end) spells.push({ kind: state.status, start, end });
  }
  return mergeAdjacent(spells);
}
