import { createHmac } from 'node:crypto';
import { DEFAULT_WORLD_OPTIONS, generateWorld, pseudonymise } from '@hub/core';

type World = ReturnType<typeof generateWorld>;
type PersonRecord = World['persons'][number];
interface DatedSpell {
  pseudonym: string;
  startedOn: string;
  endedOn: string | null;
}

const WORLD_START = '2017-01-01';
const BASELINE = '2017-06-30';
const UNTIL = DEFAULT_WORLD_OPTIONS.until;
const CPR_LIKE = /\b\d{6}-?\d{4}\b/;

let world: World;
let small: World;

beforeAll(() => {
  world = generateWorld(DEFAULT_WORLD_OPTIONS);
  small = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 1000 });
});

function ageOn(person: PersonRecord, date: string): number {
  return Number(date.slice(0, 4)) - person.birthYear;
}

function covers(spell: DatedSpell, date: string): boolean {
  return spell.startedOn <= date && (spell.endedOn === null || spell.endedOn >= date);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Share of the persons matching `who`, aged minAge-maxAge on `date`, with a spell covering the date. */
function shareOn(
  date: string,
  [minAge, maxAge]: [number, number],
  who: (person: PersonRecord) => boolean,
  spells: readonly DatedSpell[],
): number {
  const covered = new Set(spells.filter((spell) => covers(spell, date)).map((spell) => spell.pseudonym));
  const group = world.persons.filter((p) => who(p) && ageOn(p, date) >= minAge && ageOn(p, date) <= maxAge);
  return group.filter((person) => covered.has(person.pseudonym)).length / group.length;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Pairs of spells in one group that overlap, as readable strings for the failure message. */
function overlaps<T extends DatedSpell>(spells: readonly T[], familyOf: (spell: T) => string): string[] {
  const found: string[] = [];
  for (const [key, group] of groupBy(spells, (spell) => `${spell.pseudonym}/${familyOf(spell)}`)) {
    const sorted = [...group].sort((a, b) => (a.startedOn < b.startedOn ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1] as T;
      const current = sorted[i] as T;
      if (previous.endedOn === null || previous.endedOn >= current.startedOn) {
        found.push(`${key}: ${previous.startedOn}..${previous.endedOn} and ${current.startedOn}..`);
      }
    }
  }
  return found;
}

/** What is wrong with one person's youth-status spells, or null: they must tile the ages 15-24. */
function youthStatusProblem(person: PersonRecord, spells: World['municipality']['youthStatus']): string | null {
  const from = `${Math.max(2017, person.birthYear + 15)}-01-01`;
  const to = `${person.birthYear + 24}-12-31`;
  if (from > UNTIL || to < WORLD_START) return spells.length === 0 ? null : 'spells outside ages 15-24';
  if (spells[0]?.startedOn !== from) return `first spell starts ${spells[0]?.startedOn}, expected ${from}`;
  for (let i = 1; i < spells.length; i++) {
    const previous = spells[i - 1] as (typeof spells)[number];
    const current = spells[i] as (typeof spells)[number];
    if (previous.endedOn === null || current.startedOn !== nextDay(previous.endedOn)) return 'gap or overlap';
    if (current.kind === previous.kind) return `two ${current.kind} spells in a row`;
  }
  const stillYoung = ageOn(person, UNTIL) >= 15 && ageOn(person, UNTIL) <= 24;
  const lastEnd = spells[spells.length - 1]?.endedOn;
  return lastEnd === (stillYoung ? null : to) ? null : `last spell ends ${lastEnd}`;
}

describe('generateWorld', () => {
  it('gives the same world for the same seed', () => {
    expect(generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 1000 })).toEqual(small);
  });

  it('gives a different world for a different seed', () => {
    const other = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 1000, seed: 'another-seed' });
    expect(other.persons.map((p) => p.pseudonym)).not.toEqual(small.persons.map((p) => p.pseudonym));
    expect(other.jobcentre.employment).not.toEqual(small.jobcentre.employment);
  });

  it('puts exactly 613 persons aged 15-24 in Hedelundgårdparken, scaled with the world', () => {
    const estateYouth = (w: World): number =>
      w.persons.filter((p) => p.estateCode === 'hedelundgardparken' && ageOn(p, UNTIL) >= 15 && ageOn(p, UNTIL) <= 24)
        .length;
    expect(world.persons).toHaveLength(10_000);
    expect(estateYouth(world)).toBe(613);
    expect(estateYouth(small)).toBe(61);
  });

  it('keeps Hedelundgårdparken\'s 613 and the alliance\'s districts at their size in a larger world; the rest of Esbjerg grows', () => {
    const larger = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 30_000 });
    const youthInEstate = larger.persons.filter(
      (p) => p.estateCode === 'hedelundgardparken' && ageOn(p, UNTIL) >= 15 && ageOn(p, UNTIL) <= 24,
    );
    expect(youthInEstate).toHaveLength(613);
    const living = (w: World, district: string) => w.persons.filter((p) => p.districtCode === district).length;
    for (const district of ['osterbyen', 'hedelund', 'kvaglund']) {
      expect(living(larger, district) / living(world, district)).toBeGreaterThan(0.85);
      expect(living(larger, district) / living(world, district)).toBeLessThan(1.15);
    }
    const elsewhere = (w: World) => ['saedding', 'jerne', 'centrum'].reduce((sum, district) => sum + living(w, district), 0);
    expect(elsewhere(larger) - elsewhere(world)).toBeGreaterThan(19_000);
  });

  it('spreads persons over ages 0-34 and Østerbyen and Hedelund over about a quarter and a fifth', () => {
    const ages = new Set(world.persons.map((p) => ageOn(p, UNTIL)));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBe(34);
    const share = (district: string): number =>
      world.persons.filter((p) => p.districtCode === district).length / world.persons.length;
    expect(share('osterbyen')).toBeGreaterThan(0.22);
    expect(share('osterbyen')).toBeLessThan(0.28);
    expect(share('hedelund')).toBeGreaterThan(0.18);
    expect(share('hedelund')).toBeLessThan(0.24);
  });

  it('gives far fewer 15-17-year-olds in Østerbyen a part-time job than in the rest of Esbjerg', () => {
    const partTime = world.jobcentre.employment.filter((spell) => spell.kind === 'PART_TIME_JOB');
    const inOsterbyen = (p: PersonRecord): boolean => p.districtCode === 'osterbyen';
    const osterbyen = shareOn(UNTIL, [15, 17], inOsterbyen, partTime);
    const rest = shareOn(UNTIL, [15, 17], (p) => !inOsterbyen(p), partTime);
    expect(osterbyen).toBeGreaterThan(0.08);
    expect(osterbyen).toBeLessThan(0.2);
    expect(rest).toBeGreaterThan(0.33);
    expect(rest).toBeLessThan(0.47);
  });

  it("shows Hedelundgårdparken's NEET share falling from the baseline but short of the 50 % cut", () => {
    const neither = world.municipality.youthStatus.filter((spell) => spell.kind === 'NEITHER');
    const inEstate = (p: PersonRecord): boolean => p.estateCode === 'hedelundgardparken';
    const atBaseline = shareOn(BASELINE, [15, 24], inEstate, neither);
    const atUntil = shareOn(UNTIL, [15, 24], inEstate, neither);
    expect(atBaseline).toBeGreaterThan(0.24);
    expect(atBaseline).toBeLessThan(0.36);
    expect(atUntil).toBeLessThan(atBaseline);
    expect(atUntil).toBeGreaterThan(atBaseline / 2);
  });

  it('gives every person a unique pseudonym of 64 hex characters', () => {
    const pseudonyms = world.persons.map((p) => p.pseudonym);
    expect(pseudonyms.every((pseudonym) => /^[0-9a-f]{64}$/.test(pseudonym))).toBe(true);
    expect(new Set(pseudonyms).size).toBe(pseudonyms.length);
  });

  it('writes nothing that looks like a national ID', () => {
    expect(JSON.stringify(world)).not.toMatch(CPR_LIKE);
  });

  it('never lets a person have two overlapping spells of one kind family', () => {
    expect(overlaps(world.municipality.youthStatus, () => 'youth-status')).toEqual([]);
    expect(overlaps(world.jobcentre.employment, () => 'employment')).toEqual([]);
    expect(overlaps(world.jobcentre.benefits, () => 'benefit')).toEqual([]);
    expect(overlaps(world.volunteerCentre.memberships, (membership) => membership.clubCode)).toEqual([]);
  });

  it('gives every 15-24-year-old exactly one youth status at a time, merged and open while still 15-24', () => {
    const spellsOf = groupBy(world.municipality.youthStatus, (spell) => spell.pseudonym);
    const problems = world.persons.flatMap((person) => {
      const spells = spellsOf.get(person.pseudonym) ?? [];
      const problem = youthStatusProblem(person, spells);
      return problem ? [`${person.pseudonym} born ${person.birthYear}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('keeps 15-17-year-olds mostly in education', () => {
    const education = world.municipality.youthStatus.filter((spell) => spell.kind === 'EDUCATION');
    expect(shareOn(UNTIL, [15, 17], () => true, education)).toBeGreaterThan(0.85);
  });

  it('keeps every date inside the extract window', () => {
    const { municipality, housingAssociation, jobcentre, volunteerCentre, foundation } = world;
    const spells = [
      ...municipality.youthStatus,
      ...jobcentre.employment,
      ...jobcentre.benefits,
      ...volunteerCentre.memberships,
    ];
    const dates = [
      ...spells.flatMap((spell) => [spell.startedOn, spell.endedOn ?? UNTIL]),
      ...jobcentre.placements.map((placement) => placement.placedOn),
      ...foundation.partners.map((partner) => partner.joinedOn),
      ...foundation.initiatives.flatMap((initiative) => [initiative.startedOn, initiative.endedOn ?? UNTIL]),
      ...foundation.grants.map((grant) => grant.awardedOn),
    ];
    expect(dates.filter((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || date < WORLD_START || date > UNTIL)).toEqual([]);
    expect(housingAssociation.tenancies.filter((tenancy) => tenancy.movedInOn > UNTIL)).toEqual([]);
  });

  it('refers only to persons, areas, schools, clubs, departments, initiatives and partners that exist', () => {
    const codes = (items: readonly { code: string }[]): Set<string> => new Set(items.map((item) => item.code));
    const persons = new Map(world.persons.map((p) => [p.pseudonym, p]));
    const areas = codes(world.areas);
    const partners = codes(world.foundation.partners);
    const initiatives = codes(world.foundation.initiatives);
    const { municipality, housingAssociation, jobcentre, volunteerCentre, foundation } = world;
    const personSlices = [
      ...municipality.youthStatus,
      ...jobcentre.employment,
      ...jobcentre.benefits,
      ...jobcentre.placements,
      ...housingAssociation.tenancies,
      ...volunteerCentre.memberships,
    ];
    expect(personSlices.filter((record) => !persons.has(record.pseudonym))).toEqual([]);
    // Slices that carry a person's birth year and residence must carry the register's.
    const sameAsRegister = (record: PersonRecord): boolean => {
      const person = persons.get(record.pseudonym);
      return (
        person !== undefined &&
        person.birthYear === record.birthYear &&
        person.municipalityCode === record.municipalityCode &&
        person.districtCode === record.districtCode &&
        person.estateCode === record.estateCode
      );
    };
    const residenceCopies = [...housingAssociation.tenancies, ...volunteerCentre.memberships];
    expect(residenceCopies.filter((record) => !sameAsRegister(record))).toEqual([]);
    const areaCodesUsed = [
      ...world.areas.flatMap((area) => (area.parentCode ? [area.parentCode] : [])),
      ...world.persons.flatMap((p) => [p.municipalityCode, p.districtCode, ...(p.estateCode ? [p.estateCode] : [])]),
      ...municipality.schools.map((school) => school.districtCode),
      ...housingAssociation.departments.map((department) => department.estateCode),
      ...housingAssociation.safetySurveys.map((survey) => survey.estateCode),
      ...volunteerCentre.clubs.map((club) => club.districtCode),
      ...foundation.initiatives.map((initiative) => initiative.areaCode),
    ];
    expect(areaCodesUsed.filter((code) => !areas.has(code))).toEqual([]);
    const schools = codes(municipality.schools);
    expect(municipality.wellBeing.filter((record) => !schools.has(record.schoolCode))).toEqual([]);
    const departments = new Map(housingAssociation.departments.map((department) => [department.code, department]));
    const misplaced = housingAssociation.tenancies.filter(
      (tenancy) => departments.get(tenancy.departmentCode)?.estateCode !== tenancy.estateCode,
    );
    expect(misplaced).toEqual([]);
    const clubs = codes(volunteerCentre.clubs);
    expect(volunteerCentre.memberships.filter((membership) => !clubs.has(membership.clubCode))).toEqual([]);
    expect(jobcentre.placements.filter((placement) => !initiatives.has(placement.initiativeCode))).toEqual([]);
    const partnerCodesUsed = [
      ...foundation.initiatives.flatMap((initiative) => initiative.partnerCodes),
      ...foundation.grants.map((grant) => grant.grantorCode),
    ];
    expect(partnerCodesUsed.filter((code) => !partners.has(code))).toEqual([]);
    expect(foundation.grants.filter((grant) => !initiatives.has(grant.initiativeCode))).toEqual([]);
  });

  it('lists person-level records by pseudonym, then start date', () => {
    const key = (record: { pseudonym: string; startedOn?: string; placedOn?: string }): string =>
      `${record.pseudonym} ${record.startedOn ?? record.placedOn ?? ''}`;
    const unsorted = (records: readonly { pseudonym: string }[]): number =>
      records.filter((record, i) => i > 0 && key(records[i - 1] as typeof record) > key(record)).length;
    const { municipality, housingAssociation, jobcentre, volunteerCentre } = world;
    expect(unsorted(world.persons)).toBe(0);
    expect(unsorted(municipality.youthStatus)).toBe(0);
    expect(unsorted(jobcentre.employment)).toBe(0);
    expect(unsorted(jobcentre.benefits)).toBe(0);
    expect(unsorted(jobcentre.placements)).toBe(0);
    expect(unsorted(housingAssociation.tenancies)).toBe(0);
    expect(unsorted(volunteerCentre.memberships)).toBe(0);
  });

  it('gives every estate resident exactly one tenancy', () => {
    const residents = world.persons.filter((p) => p.estateCode !== null).map((p) => p.pseudonym);
    expect(world.housingAssociation.tenancies.map((tenancy) => tenancy.pseudonym)).toEqual(residents);
  });

  it('includes only what exists by an early extract date', () => {
    const early = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 1000, until: '2017-06-30' });
    const partners = new Set(early.foundation.partners.map((partner) => partner.code));
    expect(early.foundation.initiatives.flatMap((i) => i.partnerCodes).filter((c) => !partners.has(c))).toEqual([]);
    expect(early.jobcentre.placements).toEqual([]);
    expect(early.municipality.wellBeing).toEqual([]);
  });

  it('generates a 1000-person world quickly', () => {
    const started = process.hrtime.bigint();
    const generated = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 1000, seed: 'timing' });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(generated.persons).toHaveLength(1000);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('refuses options it cannot honour, saying what it expected', () => {
    expect(() => generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 0 })).toThrow(/positive integer/);
    expect(() => generateWorld({ ...DEFAULT_WORLD_OPTIONS, until: '2016-12-31' })).toThrow(/on or after 2017-01-01/);
    expect(() => generateWorld({ ...DEFAULT_WORLD_OPTIONS, until: '2026-02-30' })).toThrow(/real calendar date/);
  });
});

describe('pseudonymise', () => {
  it('is the hex HMAC-SHA-256 of the national ID under the linkage key', () => {
    const expected = createHmac('sha256', 'key').update('010203-1234').digest('hex');
    expect(pseudonymise('010203-1234', 'key')).toBe(expected);
  });

  it('gives another pseudonym under another key', () => {
    expect(pseudonymise('010203-1234', 'key')).not.toBe(pseudonymise('010203-1234', 'other key'));
  });
});
