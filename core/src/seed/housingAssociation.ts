import { AREAS, ESTATE_CODES } from './areas';
import { dayOf, isoOf } from './dates';
import type { SimulatedPerson } from './population';
import { createRandom, type Random } from './random';
import { compareStrings, lerp } from './spells';
import type { DepartmentRecord, SafetySurveyRecord, TenancyRecord, World } from './world';

/** Departments (afdelinger) per estate: the big estate has four, the others fewer. */
const DEPARTMENTS_PER_ESTATE: Record<string, number> = {
  hedelundgardparken: 4,
  stengardsvej: 2,
  kvaglundparken: 3,
};

/** Share feeling safe: [in 2017, in 2026]. Hedelundgårdparken starts lowest; all rise slowly. */
const FEEL_SAFE: Record<string, [number, number]> = {
  hedelundgardparken: [0.58, 0.7],
  stengardsvej: [0.63, 0.73],
  kvaglundparken: [0.68, 0.78],
};

/** Tenancies older than this are not in the association's current system. */
const EARLIEST_MOVE_IN = dayOf(1995, 1, 1);
const LAST_DAY_BEFORE_BASELINE = dayOf(2016, 12, 31);

type HousingAssociation = World['housingAssociation'];

export function generateHousingAssociation(
  people: readonly SimulatedPerson[],
  seed: string,
  untilYear: number,
): HousingAssociation {
  const random = createRandom(seed, 'housing-association');
  const departments = departmentsOf(random);
  return {
    departments,
    tenancies: tenanciesOf(people, departments, random),
    safetySurveys: safetySurveysOf(untilYear, random),
  };
}

function departmentsOf(random: Random): DepartmentRecord[] {
  return ESTATE_CODES.flatMap((estateCode) => {
    const estateName = AREAS.find((area) => area.code === estateCode)?.name ?? estateCode;
    const count = DEPARTMENTS_PER_ESTATE[estateCode] ?? 2;
    return Array.from({ length: count }, (_, index) => ({
      code: `${estateCode}-${index + 1}`,
      estateCode,
      name: `${estateName}, afdeling ${index + 1}`,
      units: random.int(150, 600),
    }));
  }).sort((a, b) => compareStrings(a.code, b.code));
}

/**
 * Everyone living in an estate is on a tenancy there, children included (they are household
 * members). Residence is static in this world, so nobody has moved out: people born since 2017
 * moved in at birth, the others at some point before the baseline.
 */
function tenanciesOf(
  people: readonly SimulatedPerson[],
  departments: readonly DepartmentRecord[],
  random: Random,
): TenancyRecord[] {
  const tenancies: TenancyRecord[] = [];
  for (const person of people) {
    const estateCode = person.residence.estateCode;
    if (estateCode === null) continue;
    const candidates = departments.filter((candidate) => candidate.estateCode === estateCode);
    const department = random.weighted(candidates, (candidate) => candidate.units);
    const movedIn =
      person.birthDay > LAST_DAY_BEFORE_BASELINE
        ? person.birthDay
        : random.int(Math.max(person.birthDay, EARLIEST_MOVE_IN), LAST_DAY_BEFORE_BASELINE);
    const { pseudonym, birthYear } = person;
    const { municipalityCode, districtCode } = person.residence;
    tenancies.push({
      pseudonym,
      birthYear,
      municipalityCode,
      districtCode,
      estateCode,
      departmentCode: department.code,
      unitNumber: random.int(1, department.units),
      movedInOn: isoOf(movedIn),
      movedOutOn: null,
    });
  }
  return tenancies;
}

function safetySurveysOf(untilYear: number, random: Random): SafetySurveyRecord[] {
  const surveys: SafetySurveyRecord[] = [];
  for (const estateCode of [...ESTATE_CODES].sort(compareStrings)) {
    const [atStart, atEnd] = FEEL_SAFE[estateCode] ?? [0.65, 0.75];
    for (let year = 2017; year <= untilYear; year++) {
      const share = lerp(atStart, atEnd, (year - 2017) / (2026 - 2017)) + random.between(-0.02, 0.02);
      surveys.push({
        estateCode,
        year,
        respondents: random.int(100, 300),
        feelSafeShare: Math.round(Math.min(0.85, Math.max(0.55, share)) * 1000) / 1000,
      });
    }
  }
  return surveys;
}
