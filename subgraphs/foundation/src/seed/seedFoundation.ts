import { insertRows, type World } from '@hub/core';
import type { EntityManager } from 'typeorm';
import { seedIndicators } from './IndicatorDefinitions';
import { seedAgreements } from './seedAgreements';

/** The foundation's slice: the alliance itself. No person-level data at all. */
export async function seedFoundation(manager: EntityManager, { foundation }: World): Promise<void> {
  await insertRows(
    manager,
    'partner',
    foundation.partners.map((p) => ({
      code: p.code,
      name: p.name,
      kind: p.kind,
      governance_role: p.governanceRole,
      joined_on: p.joinedOn,
    })),
  );
  await insertRows(manager, 'line_of_action', foundation.linesOfAction.map((line) => ({ ...line })));
  await insertRows(
    manager,
    'initiative',
    foundation.initiatives.map((i) => ({
      code: i.code,
      name: i.name,
      description: i.description,
      line_of_action: i.lineOfAction,
      age_band: i.ageBand,
      area_code: i.areaCode,
      started_on: i.startedOn,
      ended_on: i.endedOn,
    })),
  );
  await insertRows(
    manager,
    'initiative_partner',
    foundation.initiatives.flatMap((i) =>
      i.partnerCodes.map((partnerCode, position) => ({
        initiative_code: i.code,
        partner_code: partnerCode,
        position,
      })),
    ),
  );
  await insertRows(
    manager,
    'grant_award',
    foundation.grants.map((g) => ({
      code: g.code,
      initiative_code: g.initiativeCode,
      grantor_code: g.grantorCode,
      amount_dkk: g.amountDkk,
      awarded_on: g.awardedOn,
    })),
  );
  await seedAgreements(manager);
  await seedIndicators(manager);
}
