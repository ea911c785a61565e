import { OSTERBYEN } from './areas';
import { DAYS_PER_MONTH, endOfAgeYear, startOfAgeYear, yearOf, type Day } from './dates';
import type { SimulatedPerson } from './population';
import { createRandom, type Random } from './random';
import { alternatingSpells, clipSpell, compareStrings, type Window } from './spells';
import type { ClubRecord, LineOfActionCode, MembershipRecord, World } from './world';

/** A club and the ages it takes members at (by the hub's age convention). */
interface ClubSpec extends ClubRecord {
  minAge: number;
  maxAge: number;
}

function club(
  code: string,
  name: string,
  activity: string,
  lineOfAction: LineOfActionCode,
  districtCode: string,
  [minAge, maxAge]: [number, number] = [6, 24],
): ClubSpec {
  return { code, name, activity, lineOfAction, districtCode, minAge, maxAge };
}

/**
 * Vindrosen's member associations. The line of action follows the activity: sports serve Health,
 * culture serves Culture and leisure, homework and coding serve Learning, the job network Job.
 */
const CLUBS: readonly ClubSpec[] = [
  club('osterbyens-boldklub', 'Østerbyens Boldklub', 'football', 'HEALTH', OSTERBYEN),
  club('osterbyen-basket', 'Østerbyen Basket', 'basketball', 'HEALTH', OSTERBYEN, [10, 24]),
  club('hedelund-if', 'Hedelund IF', 'football', 'HEALTH', 'hedelund'),
  club('esbjerg-bokseklub', 'Esbjerg Bokseklub', 'boxing', 'HEALTH', 'hedelund', [12, 24]),
  club('kvaglund-handbold', 'Kvaglund Håndbold', 'handball', 'HEALTH', 'kvaglund'),
  club('saedding-guldager-fodbold', 'Sædding-Guldager Fodbold', 'football', 'HEALTH', 'saedding'),
  club('jerne-if', 'Jerne IF', 'football', 'HEALTH', 'jerne'),
  club('jerne-gymnastikforening', 'Jerne Gymnastikforening', 'gymnastics', 'HEALTH', 'jerne'),
  club('esbjerg-handbold-ungdom', 'Esbjerg Håndbold Ungdom', 'handball', 'HEALTH', 'centrum'),
  club('esbjerg-svommeklub', 'Esbjerg Svømmeklub', 'swimming', 'HEALTH', 'centrum'),
  club('kfum-spejderne-osterbyen', 'KFUM-Spejderne Østerbyen', 'scouts', 'CULTURE_LEISURE', OSTERBYEN, [6, 20]),
  club('osterbyens-ungdomsklub', 'Østerbyens Ungdomsklub', 'youth club', 'CULTURE_LEISURE', OSTERBYEN, [12, 17]),
  club('hedelund-ungdomsklub', 'Hedelund Ungdomsklub', 'youth club', 'CULTURE_LEISURE', 'hedelund', [12, 17]),
  club('kvaglund-ungdomsklub', 'Kvaglund Ungdomsklub', 'youth club', 'CULTURE_LEISURE', 'kvaglund', [12, 17]),
  club('spejderne-saedding', 'Det Danske Spejderkorps Sædding', 'scouts', 'CULTURE_LEISURE', 'saedding', [6, 20]),
  club('jerne-borne-og-ungdomskor', 'Jerne Børne- og Ungdomskor', 'choir', 'CULTURE_LEISURE', 'jerne'),
  club('esbjerg-musikskole', 'Esbjerg Musikskole', 'music school', 'CULTURE_LEISURE', 'centrum'),
  club('ungdomsteatret-esbjerg', 'Ungdomsteatret Esbjerg', 'drama', 'CULTURE_LEISURE', 'centrum', [10, 24]),
  club('lektiecafe-osterbyen', 'Lektiecafé Østerbyen', 'homework café', 'LEARNING', OSTERBYEN, [6, 19]),
  club('lektiecafe-hedelund', 'Lektiecafé Hedelund', 'homework café', 'LEARNING', 'hedelund', [6, 19]),
  club('lektiecafe-kvaglund', 'Lektiecafé Kvaglund', 'homework café', 'LEARNING', 'kvaglund', [6, 19]),
  club('esbjerg-skakklub', 'Esbjerg Skakklub', 'chess', 'LEARNING', 'centrum'),
  club('coding-pirates-esbjerg', 'Coding Pirates Esbjerg', 'coding club', 'LEARNING', 'saedding', [7, 17]),
  club('jobnetvaerk-osterbyen', 'Jobnetværk Østerbyen', 'job network', 'JOB', OSTERBYEN, [15, 24]),
  club('ungejob-hedelund', 'UngeJob Hedelund', 'job network', 'JOB', 'hedelund', [15, 24]),
];

/**
 * A young person can hold one sports membership and one other at a time. Keeping the two kinds
 * apart means the same club never has two overlapping memberships for one person.
 */
const SLOTS: readonly ((spec: ClubSpec) => boolean)[] = [
  (spec) => spec.lineOfAction === 'HEALTH',
  (spec) => spec.lineOfAction !== 'HEALTH',
];

/**
 * Share of the time each slot is filled. Two slots at share s give 1 - (1 - s)² members: about
 * 35 % of young people in Østerbyen, about 60 % elsewhere.
 */
const SLOT_SHARE = { osterbyen: 0.2, elsewhere: 0.37 };

/** Memberships last from months to years. */
const MEMBERSHIP_MONTHS: [number, number] = [3, 48];
const MEAN_MEMBERSHIP_DAYS = ((MEMBERSHIP_MONTHS[0] + MEMBERSHIP_MONTHS[1]) / 2) * DAYS_PER_MONTH;

/** Members mostly join a club in their own district. */
const OWN_DISTRICT_WEIGHT = 6;

type VolunteerCentre = World['volunteerCentre'];

export function generateVolunteerCentre(
  people: readonly SimulatedPerson[],
  window: Window,
  seed: string,
): VolunteerCentre {
  const random = createRandom(seed, 'volunteer-centre');
  // People come in pseudonym order, so sorting each person's memberships sorts them all.
  const memberships: MembershipRecord[] = [];
  for (const person of people) memberships.push(...membershipsOf(person, window, random));
  const clubs = CLUBS.map(({ code, name, activity, lineOfAction, districtCode }) => ({
    code,
    name,
    activity,
    lineOfAction,
    districtCode,
  })).sort((a, b) => compareStrings(a.code, b.code));
  return { clubs, memberships };
}

/** Memberships from the year a person turns 6 to the year they turn 24, simulated from age 6. */
function membershipsOf(person: SimulatedPerson, window: Window, random: Random): MembershipRecord[] {
  const from = startOfAgeYear(person.birthYear, 6);
  const to = Math.min(endOfAgeYear(person.birthYear, 24), window.until);
  if (to < window.start || from > window.until) return [];
  const share = person.residence.districtCode === OSTERBYEN ? SLOT_SHARE.osterbyen : SLOT_SHARE.elsewhere;
  const rates = {
    meanGapDays: () => (MEAN_MEMBERSHIP_DAYS * (1 - share)) / share,
    spellDays: (_day: Day, spellRandom: Random) => spellRandom.between(...MEMBERSHIP_MONTHS) * DAYS_PER_MONTH,
  };
  const memberships: MembershipRecord[] = [];
  for (const inSlot of SLOTS) {
    for (const [start, end] of alternatingSpells(from, to, rates, random)) {
      const spec = chooseClub(person, start, inSlot, random);
      if (!spec) continue;
      // A member leaves when they grow out of the club's ages.
      const clipped = clipSpell(start, Math.min(end, endOfAgeYear(person.birthYear, spec.maxAge)), window);
      if (clipped) memberships.push(membershipRecord(person, spec.code, clipped));
    }
  }
  return memberships.sort((a, b) => compareStrings(a.startedOn, b.startedOn) || compareStrings(a.clubCode, b.clubCode));
}

function membershipRecord(
  person: SimulatedPerson,
  clubCode: string,
  { startedOn, endedOn }: { startedOn: string; endedOn: string | null },
): MembershipRecord {
  const { pseudonym, birthYear } = person;
  const { municipalityCode, districtCode, estateCode } = person.residence;
  return { pseudonym, birthYear, municipalityCode, districtCode, estateCode, clubCode, startedOn, endedOn };
}

function chooseClub(
  person: SimulatedPerson,
  start: Day,
  inSlot: (spec: ClubSpec) => boolean,
  random: Random,
): ClubSpec | null {
  const age = yearOf(start) - person.birthYear;
  const open = CLUBS.filter((spec) => inSlot(spec) && age >= spec.minAge && age <= spec.maxAge);
  if (open.length === 0) return null;
  const home = person.residence.districtCode;
  return random.weighted(open, (spec) => (spec.districtCode === home ? OWN_DISTRICT_WEIGHT : 1));
}
