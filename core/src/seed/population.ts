import {
  ALLIANCE_DISTRICTS_WORLD,
  HEDELUNDGARDPARKEN,
  RESIDENCE_SHARES,
  RESIDENCE_SHARES_ELSEWHERE,
  RESIDENCE_SHARES_OUTSIDE_HEDELUNDGARDPARKEN,
  neighbourhoodOf,
  type Neighbourhood,
} from './areas';
import { dayOf, type Day } from './dates';
import { uniqueNationalIdFor } from './nationalId';
import { pseudonymise } from './pseudonym';
import { createRandom, type Random } from './random';
import { compareStrings } from './spells';
import type { PersonRecord, Residence, WorldOptions } from './world';

/** Ages in the register extract at the extract date: 0-34, so the 2017 baseline has 15-24-year-olds. */
export const MAX_AGE = 34;

/** Hedelundgårdparken's target group per 10,000 persons: docs/domain.md's 613 residents aged 15-24. */
export const ESTATE_YOUTH_PER_10000 = 613;

/**
 * A person as the generator sees them. The birth date stays here (partners only ever get the
 * birth year) and the national ID never even gets this far: only its pseudonym does.
 */
export interface SimulatedPerson {
  pseudonym: string;
  birthYear: number;
  birthDay: Day;
  residence: Residence;
  neighbourhood: Neighbourhood;
}

/**
 * How many 15-24-year-olds live in Hedelundgårdparken at the extract date for a world this size:
 * 613 from 10,000 persons up (a fact of the estate, not of the municipality's size), fewer in a
 * smaller world.
 */
export function estateYouthCount(persons: number): number {
  return Math.round((ESTATE_YOUTH_PER_10000 * Math.min(persons, ALLIANCE_DISTRICTS_WORLD)) / 10_000);
}

/**
 * The register extract, sorted by pseudonym. Every slice is generated person by person in this
 * order, each person's records in date order, so no slice has to be sorted again.
 */
export function generatePopulation(options: WorldOptions, untilDay: Day, untilYear: number): SimulatedPerson[] {
  const random = createRandom(options.seed, 'population');
  const ages = stratifiedAges(options.persons, random);
  const residences = assignResidences(ages, estateYouthCount(options.persons), random);
  const nationalIds = new Set<string>();
  const people = ages.map((age, index): SimulatedPerson => {
    const birthYear = untilYear - age;
    const birthDay = birthDayIn(birthYear, untilDay, random);
    const nationalId = uniqueNationalIdFor(birthDay, random, nationalIds);
    const residence = residences[index] as Residence;
    return {
      pseudonym: pseudonymise(nationalId, options.linkageKey),
      birthYear,
      birthDay,
      residence,
      neighbourhood: neighbourhoodOf(residence),
    };
  });
  return people.sort((a, b) => compareStrings(a.pseudonym, b.pseudonym));
}

export function toPersonRecord(person: SimulatedPerson): PersonRecord {
  const { municipalityCode, districtCode, estateCode } = person.residence;
  return { pseudonym: person.pseudonym, birthYear: person.birthYear, municipalityCode, districtCode, estateCode };
}

/**
 * Ages 0-34 spread evenly: person i gets an age drawn inside the i-th slice of the range. Every
 * age gets its fair share even in a small world, so the 15-24 band is always large enough to
 * hold the estate's exact count.
 */
function stratifiedAges(persons: number, random: Random): number[] {
  const ages: number[] = [];
  for (let index = 0; index < persons; index++) {
    ages.push(Math.floor(((index + random.next()) * (MAX_AGE + 1)) / persons));
  }
  return ages;
}

/**
 * Residence by the area shares, except that exactly `estateYouth` of the 15-24-year-olds are put
 * in Hedelundgårdparken and the other 15-24-year-olds never are: the estate's target group is a
 * published figure the hub's answers are checked against.
 */
function assignResidences(ages: readonly number[], estateYouth: number, random: Random): Residence[] {
  const youthIndices = ages.flatMap((age, index) => (age >= 15 && age <= 24 ? [index] : []));
  if (estateYouth > youthIndices.length) {
    const expected = `at most ${youthIndices.length} persons aged 15-24 to place in ${HEDELUNDGARDPARKEN}`;
    throw new Error(`Expected ${expected}, got ${estateYouth}`);
  }
  const inEstate = new Set(random.shuffled(youthIndices).slice(0, estateYouth));
  const estateResidence = RESIDENCE_SHARES.find((entry) => entry.residence.estateCode === HEDELUNDGARDPARKEN);
  // Beyond a 10,000-person world, the alliance's districts keep their size and the rest grows.
  const inAllianceDistricts = Math.min(1, ALLIANCE_DISTRICTS_WORLD / ages.length);
  return ages.map((age, index) => {
    if (inEstate.has(index)) return (estateResidence as (typeof RESIDENCE_SHARES)[number]).residence;
    if (inAllianceDistricts < 1 && !random.chance(inAllianceDistricts)) {
      return random.weighted(RESIDENCE_SHARES_ELSEWHERE, (entry) => entry.share).residence;
    }
    const shares = age >= 15 && age <= 24 ? RESIDENCE_SHARES_OUTSIDE_HEDELUNDGARDPARKEN : RESIDENCE_SHARES;
    return random.weighted(shares, (entry) => entry.share).residence;
  });
}

/** A birth date in the birth year, never after the extract date (babies born this year). */
function birthDayIn(birthYear: number, untilDay: Day, random: Random): Day {
  const first = dayOf(birthYear, 1, 1);
  const last = Math.min(dayOf(birthYear, 12, 31), untilDay);
  return random.int(first, last);
}
