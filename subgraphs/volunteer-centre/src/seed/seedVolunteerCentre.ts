import { insertRows, personRow, type World } from '@hub/core';
import type { EntityManager } from 'typeorm';

/** The volunteer centre's slice: the clubs and their memberships (members' birth year and address). */
export async function seedVolunteerCentre(
  manager: EntityManager,
  { volunteerCentre }: World,
): Promise<void> {
  await insertRows(
    manager,
    'club',
    volunteerCentre.clubs.map((c) => ({
      code: c.code,
      name: c.name,
      activity: c.activity,
      line_of_action: c.lineOfAction,
      district_code: c.districtCode,
    })),
  );
  await insertRows(
    manager,
    'membership',
    volunteerCentre.memberships.map((m) => ({
      ...personRow(m),
      club_code: m.clubCode,
      started_on: m.startedOn,
      ended_on: m.endedOn,
    })),
  );
}
