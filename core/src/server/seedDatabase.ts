import type { DataSource } from 'typeorm';
import { insertRows } from '../db/insertRows';
import { DEFAULT_WORLD_OPTIONS, generateWorld } from '../seed/generateWorld';
import type { World } from '../seed/world';
import type { SubgraphDefinition } from './SubgraphDefinition';

const worlds = new Map<number, World>();

/** Several subgraphs in one process (tests) share one generated world per size. */
function worldOf(persons: number): World {
  const cached = worlds.get(persons);
  if (cached) return cached;
  const world = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons });
  worlds.set(persons, world);
  return world;
}

const LEVEL = { MUNICIPALITY: 0, DISTRICT: 1, ESTATE: 2 };

/** Parents before children, for the foreign key on `parent_code`. */
function byLevel(a: World['areas'][number], b: World['areas'][number]): number {
  return LEVEL[a.kind] - LEVEL[b.kind] || a.code.localeCompare(b.code);
}

/**
 * Seeds an empty database with the partner's slice, all in one transaction: a failure leaves
 * nothing half-written. A database that was seeded before is left alone.
 * @returns whether it seeded.
 */
export async function seedDatabase<L>(
  definition: SubgraphDefinition<L>,
  db: DataSource,
  persons: number,
): Promise<boolean> {
  const [{ seeded }] = await db.query('SELECT count(*)::int AS seeded FROM hub_seed');
  if (seeded > 0) return false;
  const world = worldOf(persons);
  await db.transaction(async (manager) => {
    await insertRows(
      manager,
      'area_reference',
      [...world.areas].sort(byLevel).map((area) => ({
        code: area.code,
        name: area.name,
        kind: area.kind,
        parent_code: area.parentCode,
      })),
    );
    await definition.seed(manager, world);
    await insertRows(manager, 'hub_seed', [
      { persons, seed: world.options.seed, until: world.options.until },
    ]);
  });
  return true;
}
