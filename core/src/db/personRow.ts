import type { PersonRecord } from '../seed/world';

/** The columns every partner keeps with its person-level rows: pseudonym, birth year, residence. */
export function personRow(person: PersonRecord) {
  return {
    pseudonym: person.pseudonym,
    birth_year: person.birthYear,
    municipality_code: person.municipalityCode,
    district_code: person.districtCode,
    estate_code: person.estateCode,
  };
}
