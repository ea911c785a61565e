import { insertRows, personRow, type Spell, type World } from '@hub/core';
import type { EntityManager } from 'typeorm';

const spellRow = (s: Spell<string>) => ({
  pseudonym: s.pseudonym,
  kind: s.kind,
  started_on: s.startedOn,
  ended_on: s.endedOn,
});

/** The jobcentre's slice: every resident (income register), jobs, benefits, placements. */
export async function seedJobcentre(manager: EntityManager, world: World): Promise<void> {
  await insertRows(
    manager,
    'citizen',
    world.persons.map(personRow),
  );
  await insertRows(manager, 'employment_spell', world.jobcentre.employment.map(spellRow));
  await insertRows(manager, 'benefit_spell', world.jobcentre.benefits.map(spellRow));
  await insertRows(
    manager,
    'placement',
    world.jobcentre.placements.map((p) => ({
      pseudonym: p.pseudonym,
      initiative_code: p.initiativeCode,
      employer_name: p.employerName,
      placed_on: p.placedOn,
    })),
  );
}
