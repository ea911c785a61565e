import type { Neighbourhood } from './areas';
import { DAYS_PER_MONTH, dayOf, endOfAgeYear, isoOf, parseDay, startOfAgeYear, yearOf, type Day } from './dates';
import type { LifeCourse, SchoolYearState } from './lifeCourses';
import type { SimulatedPerson } from './population';
import { createRandom, type Random } from './random';
import {
  alternatingSpells,
  lerp,
  mergeAdjacent,
  toSpellRecords,
  type DaySpell,
  type Window,
} from './spells';
import type { BenefitKind, EmploymentKind, PlacementRecord, Spell, World } from './world';

export const PART_TIME_JOB_PROGRAMME = 'part-time-job-programme';
/** The programme's first placements (docs/domain.md: the programme runs from 2018). */
export const PART_TIME_JOB_PROGRAMME_START = '2018-03-01';

/** Local employers that take young people from the programme. */
const EMPLOYERS: readonly string[] = [
  'Bageriet på Stormgade',
  'Dagligvarebutikken Østerbyen',
  'Esbjerg Havn Fiskeauktion',
  'Cykelsmeden i Østerbyen',
  'Café Vesterhavet',
  'Esbjerg Idrætspark, kiosken',
  'Byggemarkedet Gl. Vardevej',
  'Pizzeria Torvet',
  'Bilværkstedet Jerne',
  'Esbjerg Avisbud',
];

type Jobcentre = World['jobcentre'];

export function generateJobcentre(courses: readonly LifeCourse[], window: Window, seed: string): Jobcentre {
  const random = createRandom(seed, 'jobcentre');
  const employment: Spell<EmploymentKind>[] = [];
  const benefits: Spell<BenefitKind>[] = [];
  const placements: PlacementRecord[] = [];
  // People come in pseudonym order, and part-time jobs (13-17) all end before full-time work (18+)
  // begins, so every list comes out sorted by pseudonym and start date.
  for (const course of courses) {
    const partTimeJobs = partTimeJobsOf(course.person, window, random);
    placements.push(...placementsOf(course.person, partTimeJobs, random));
    const jobs = [...partTimeJobs, ...fullTimeJobsOf(course.states)];
    employment.push(...toSpellRecords(course.person.pseudonym, jobs, window));
    benefits.push(...toSpellRecords(course.person.pseudonym, benefitsOf(course, random), window));
  }
  return { employment, benefits, placements };
}

/**
 * Part-time jobs from the year a person turns 13 to the year they turn 17, each 3-18 months.
 * Simulated from age 13 even when that is before 2017, so the 2017 baseline already has the
 * right share of young people in a job.
 */
function partTimeJobsOf(person: SimulatedPerson, window: Window, random: Random): DaySpell<'PART_TIME_JOB'>[] {
  const from = startOfAgeYear(person.birthYear, 13);
  const to = Math.min(endOfAgeYear(person.birthYear, 17), window.until);
  if (to < window.start || from > window.until) return [];
  const rates = {
    meanGapDays: (day: Day) => meanGapBetweenJobs(person, day),
    spellDays: (_day: Day, spellRandom: Random) => spellRandom.between(3, 18) * DAYS_PER_MONTH,
  };
  return alternatingSpells(from, to, rates, random).map(([start, end]) => ({ kind: 'PART_TIME_JOB', start, end }));
}

const MEAN_JOB_DAYS = 10.5 * DAYS_PER_MONTH;

/**
 * The waiting time between jobs that gives the target share in a job at any moment:
 * share = job / (job + gap). 13-14-year-olds find jobs far less often than 15-17-year-olds.
 */
function meanGapBetweenJobs(person: SimulatedPerson, day: Day): number {
  const share = partTimeJobShare(person.neighbourhood, day);
  const gap = (MEAN_JOB_DAYS * (1 - share)) / share;
  return yearOf(day) - person.birthYear <= 14 ? gap * 3 : gap;
}

const PROGRAMME_START_DAY = parseDay(PART_TIME_JOB_PROGRAMME_START);
/** A fixed date, not the extract date, so the past does not change with `until`. */
const PROGRAMME_RAMP_END_DAY = dayOf(2026, 10, 31);

/**
 * Target share of 15-17-year-olds with a running part-time job: docs/domain.md's "significantly fewer
 * in Østerbyen than in Esbjerg overall", lifted slowly by the programme from 2018. The rates are
 * set a little above the shares measured (about 6 % rising to 13 % in Østerbyen, 40 % in the rest
 * of Esbjerg) because 13-14-year-olds start with fewer jobs and the share lags a rising rate.
 */
function partTimeJobShare(neighbourhood: Neighbourhood, day: Day): number {
  if (neighbourhood === 'OSTERBYEN') {
    const progress = (day - PROGRAMME_START_DAY) / (PROGRAMME_RAMP_END_DAY - PROGRAMME_START_DAY);
    return lerp(PART_TIME_SHARE.OSTERBYEN, OSTERBYEN_PART_TIME_SHARE_WITH_PROGRAMME, progress);
  }
  return PART_TIME_SHARE[neighbourhood];
}

const OSTERBYEN_PART_TIME_SHARE_WITH_PROGRAMME = 0.17;

const PART_TIME_SHARE: Record<Neighbourhood, number> = {
  OSTERBYEN: 0.06,
  HEDELUNDGARDPARKEN: 0.3,
  HEDELUND_OTHER: 0.3,
  KVAGLUNDPARKEN: 0.35,
  REST: 0.46,
};

/** About half of Østerbyen's 15-17-year-olds' new jobs since the start came through the programme. */
const PLACEMENT_SHARE = 0.5;

function placementsOf(
  person: SimulatedPerson,
  jobs: readonly DaySpell<'PART_TIME_JOB'>[],
  random: Random,
): PlacementRecord[] {
  if (person.neighbourhood !== 'OSTERBYEN') return [];
  return jobs.flatMap((job) => {
    const age = yearOf(job.start) - person.birthYear;
    const eligible = job.start >= PROGRAMME_START_DAY && age >= 15 && age <= 17;
    if (!eligible || !random.chance(PLACEMENT_SHARE)) return [];
    return [
      {
        pseudonym: person.pseudonym,
        initiativeCode: PART_TIME_JOB_PROGRAMME,
        employerName: random.pick(EMPLOYERS),
        placedOn: isoOf(job.start),
      },
    ];
  });
}

/** Full-time work is the life course's WORK years (only from 18, after the part-time years end). */
function fullTimeJobsOf(states: readonly SchoolYearState[]): DaySpell<'FULL_TIME_JOB'>[] {
  const spells: DaySpell<'FULL_TIME_JOB'>[] = states
    .filter((state) => state.status === 'WORK')
    .map((state) => ({ kind: 'FULL_TIME_JOB', start: state.start, end: state.end }));
  return mergeAdjacent(spells);
}

/** Share of NEET years from 18 on spent on a benefit; the others live on family or savings. */
const ON_BENEFIT_SHARE = 0.9;

/**
 * Benefits follow the NEITHER years from 18 on. The kind depends on the age bracket a run of
 * such years falls in: under 30 without education it is the education benefit, some 25-34 are
 * insured and get the unemployment benefit, the rest get cash benefit.
 */
function benefitsOf(course: LifeCourse, random: Random): DaySpell<BenefitKind>[] {
  const spells: DaySpell<BenefitKind>[] = [];
  for (const run of neitherRuns(course.states)) {
    const onBenefit = random.chance(ON_BENEFIT_SHARE);
    const kind = benefitKindFor(run.bracket, random);
    if (onBenefit) spells.push({ kind, start: run.start, end: run.end });
  }
  return mergeAdjacent(spells);
}

type AgeBracket = '18-24' | '25-29' | '30-34';

function bracketOf(age: number): AgeBracket | null {
  if (age < 18) return null;
  return age <= 24 ? '18-24' : age <= 29 ? '25-29' : '30-34';
}

/** Consecutive NEITHER years in one age bracket. */
function neitherRuns(states: readonly SchoolYearState[]): { bracket: AgeBracket; start: Day; end: Day }[] {
  const runs: { bracket: AgeBracket; start: Day; end: Day }[] = [];
  for (const state of states) {
    const bracket = bracketOf(state.age);
    if (state.status !== 'NEITHER' || bracket === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.bracket === bracket && last.end + 1 === state.start) last.end = state.end;
    else runs.push({ bracket, start: state.start, end: state.end });
  }
  return runs;
}

function benefitKindFor(bracket: AgeBracket, random: Random): BenefitKind {
  const draw = random.next();
  if (bracket === '18-24') return draw < 0.7 ? 'EDUCATION_BENEFIT' : 'CASH_BENEFIT';
  if (bracket === '30-34') return draw < 0.55 ? 'UNEMPLOYMENT_BENEFIT' : 'CASH_BENEFIT';
  if (draw < 0.4) return 'UNEMPLOYMENT_BENEFIT';
  return draw < 0.7 ? 'EDUCATION_BENEFIT' : 'CASH_BENEFIT';
}
