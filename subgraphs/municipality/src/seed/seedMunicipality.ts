import { insertRows, personRow, type World } from '@hub/core';
import type { EntityManager } from 'typeorm';

/** The municipality's slice: the register extract, the youth guidance register, schools and surveys. */
export async function seedMunicipality(manager: EntityManager, world: World): Promise<void> {
  const { municipality } = world;
  await insertRows(
    manager,
    'person',
    world.persons.map(personRow),
  );
  await insertRows(
    manager,
    'youth_status_spell',
    municipality.youthStatus.map((s) => ({
      pseudonym: s.pseudonym,
      status: s.kind,
      started_on: s.startedOn,
      ended_on: s.endedOn,
    })),
  );
  await insertRows(
    manager,
    'school',
    municipality.schools.map((s) => ({ code: s.code, name: s.name, district_code: s.districtCode })),
  );
  await insertRows(
    manager,
    'well_being_survey',
    municipality.wellBeing.map((w) => ({
      school_code: w.schoolCode,
      school_year: w.schoolYear,
      respondents: w.respondents,
      mean_score: w.meanScore,
    })),
  );
}
