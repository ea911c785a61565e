import { today, PersonLevel } from '@hub/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Tenancy } from '../entities/Tenancy';
import type { HousingAssociationContext } from './context';
import { Person } from './types/stubs';

function runsOn(tenancy: Tenancy, day: string): boolean {
  return tenancy.movedInOn <= day && (tenancy.movedOutOn === null || tenancy.movedOutOn >= day);
}

/** Person-level fields: the association's own record of one resident. */
@Resolver(() => Person)
export class PersonResolver {
  @PersonLevel('housing-association')
  @FieldResolver(() => Tenancy, {
    nullable: true,
    description: 'The tenancy running today; null when the person lives elsewhere (housing association).',
  })
  async tenancy(
    @Root() person: Person,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<Tenancy | null> {
    const day = today();
    // Oldest first: after a move, the latest tenancy that runs is the current one.
    const running = (await loaders.tenanciesOf.load(person.pseudonym)).filter((t) => runsOn(t, day));
    return running[running.length - 1] ?? null;
  }
}
