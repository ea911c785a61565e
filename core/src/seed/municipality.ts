import { OSTERBYEN } from './areas';
import { youthStatusSpells, type LifeCourse } from './lifeCourses';
import { createRandom, type Random } from './random';
import { compareStrings, lerp, toSpellRecords, type Window } from './spells';
import type { SchoolRecord, Spell, WellBeingRecord, World, YouthStatus } from './world';

/** The two Østerbyen schools named in the alliance, and four schools elsewhere to compare with. */
export const SCHOOLS: readonly SchoolRecord[] = [
  { code: 'urbanskolen', name: 'Urbanskolen', districtCode: OSTERBYEN },
  { code: 'praestegardsskolen', name: 'Præstegårdsskolen', districtCode: OSTERBYEN },
  { code: 'kvaglundskolen', name: 'Kvaglundskolen', districtCode: 'kvaglund' },
  { code: 'saedding-skole', name: 'Sædding Skole', districtCode: 'saedding' },
  { code: 'jerne-skole', name: 'Jerne Skole', districtCode: 'jerne' },
  { code: 'danmarksgades-skole', name: 'Danmarksgades Skole', districtCode: 'centrum' },
];

const FIRST_SURVEY_SCHOOL_YEAR = 2017;
/** Østerbyen's schools close half the gap to the rest over the alliance's first nine years. */
const IMPROVEMENT_SCHOOL_YEARS = 9;

type Municipality = World['municipality'];

export function generateMunicipality(
  courses: readonly LifeCourse[],
  window: Window,
  seed: string,
  lastSchoolYear: number,
): Municipality {
  const random = createRandom(seed, 'municipality');
  return {
    youthStatus: youthStatusOf(courses, window),
    schools: [...SCHOOLS].sort((a, b) => compareStrings(a.code, b.code)),
    wellBeing: wellBeingOf(lastSchoolYear, random),
  };
}

function youthStatusOf(courses: readonly LifeCourse[], window: Window): Spell<YouthStatus>[] {
  const spells: Spell<YouthStatus>[] = [];
  for (const course of courses) {
    spells.push(...toSpellRecords(course.person.pseudonym, youthStatusSpells(course), window));
  }
  return spells;
}

/**
 * The national well-being survey, one result per school and school year. Østerbyen's schools
 * start lower and improve with the alliance's work; the others hold steady around 3.9-4.0.
 */
function wellBeingOf(lastSchoolYear: number, random: Random): WellBeingRecord[] {
  const records: WellBeingRecord[] = [];
  for (const school of [...SCHOOLS].sort((a, b) => compareStrings(a.code, b.code))) {
    const pupils = random.int(120, 360);
    const isOsterbyen = school.districtCode === OSTERBYEN;
    for (let schoolYear = FIRST_SURVEY_SCHOOL_YEAR; schoolYear <= lastSchoolYear; schoolYear++) {
      const progress = (schoolYear - FIRST_SURVEY_SCHOOL_YEAR) / IMPROVEMENT_SCHOOL_YEARS;
      const level = isOsterbyen ? lerp(3.5, 3.75, progress) : 3.92;
      records.push({
        schoolCode: school.code,
        schoolYear,
        respondents: clampInt(pupils + random.int(-40, 40), 80, 400),
        meanScore: round2(Math.min(4.1, Math.max(3.4, level + random.between(-0.06, 0.06)))),
      });
    }
  }
  return records;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
