import { AREAS } from './areas';
import { parseDay, schoolYearOf, yearOf } from './dates';
import { generateFoundation } from './alliance';
import { generateHousingAssociation } from './housingAssociation';
import { generateJobcentre } from './jobcentre';
import { generateLifeCourses } from './lifeCourses';
import { generateMunicipality } from './municipality';
import { generatePopulation, toPersonRecord } from './population';
import { WORLD_START_ISO, type Window } from './spells';
import { generateVolunteerCentre } from './volunteerCentre';
import type { World, WorldOptions } from './world';

/**
 * The world every partner seeds from unless told otherwise: 10,000 persons, extracted on a fixed
 * date so the seed data never changes with the day it is generated. The linkage key is public
 * and for development only; a real alliance keeps its key secret.
 */
export const DEFAULT_WORLD_OPTIONS: Readonly<WorldOptions> = Object.freeze({
  persons: 10_000,
  seed: 'medvind-2017',
  until: '2026-10-31',
  linkageKey: 'development-linkage-key-not-for-production',
});

/**
 * Generates the synthetic alliance: the same options always give the same world. Residence is
 * static over time (nobody moves), a documented simplification: area shares then stay comparable
 * from the baseline to the extract date.
 */
export function generateWorld(options: WorldOptions): World {
  const window = validate(options);
  const untilYear = yearOf(window.until);
  const lastSchoolYear = schoolYearOf(window.until);
  const people = generatePopulation(options, window.until, untilYear);
  const courses = generateLifeCourses(people, window, options.seed, lastSchoolYear);
  return {
    options: { persons: options.persons, seed: options.seed, until: options.until, linkageKey: options.linkageKey },
    areas: AREAS.map((area) => ({ ...area })),
    persons: people.map(toPersonRecord),
    municipality: generateMunicipality(courses, window, options.seed, lastSchoolYear),
    housingAssociation: generateHousingAssociation(people, options.seed, untilYear),
    jobcentre: generateJobcentre(courses, window, options.seed),
    volunteerCentre: generateVolunteerCentre(people, window, options.seed),
    foundation: generateFoundation(options.seed, options.until),
  };
}

function validate(options: WorldOptions): Window {
  if (!Number.isInteger(options.persons) || options.persons < 1) {
    throw new Error(`generateWorld: expected persons to be a positive integer, got ${options.persons}`);
  }
  if (options.linkageKey.length === 0) throw new Error('generateWorld: expected a non-empty linkageKey, got ""');
  const start = parseDay(WORLD_START_ISO);
  const until = parseDay(options.until);
  if (until < start) {
    throw new Error(`generateWorld: expected until on or after ${WORLD_START_ISO}, got "${options.until}"`);
  }
  return { start, until };
}
