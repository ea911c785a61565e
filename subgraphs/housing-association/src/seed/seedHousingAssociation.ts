import { insertRows, personRow, type World } from '@hub/core';
import type { EntityManager } from 'typeorm';

/** The association's slice: departments, every tenancy (household members too), safety surveys. */
export async function seedHousingAssociation(
  manager: EntityManager,
  { housingAssociation }: World,
): Promise<void> {
  await insertRows(
    manager,
    'department',
    housingAssociation.departments.map((d) => ({
      code: d.code,
      estate_code: d.estateCode,
      name: d.name,
      units: d.units,
    })),
  );
  await insertRows(
    manager,
    'tenancy',
    housingAssociation.tenancies.map((t) => ({
      ...personRow(t),
      department_code: t.departmentCode,
      unit_number: t.unitNumber,
      moved_in_on: t.movedInOn,
      moved_out_on: t.movedOutOn,
    })),
  );
  await insertRows(
    manager,
    'safety_survey',
    housingAssociation.safetySurveys.map((s) => ({
      estate_code: s.estateCode,
      year: s.year,
      respondents: s.respondents,
      feel_safe_share: s.feelSafeShare,
    })),
  );
}
