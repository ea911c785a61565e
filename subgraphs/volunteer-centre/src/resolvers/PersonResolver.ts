import { PersonLevel } from '@hub/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ClubMembership } from '../entities/ClubMembership';
import type { VolunteerCentreContext } from './context';
import { Person } from './types/stubs';

/** Person-level fields: the volunteer centre's own records of one person. */
@Resolver(() => Person)
export class PersonResolver {
  @PersonLevel('volunteer-centre')
  @FieldResolver(() => [ClubMembership], { nullable: true,
    description: 'Club memberships, oldest first (volunteer centre).',
  })
  clubMemberships(
    @Root() person: Person,
    @Ctx() { loaders }: VolunteerCentreContext,
  ): Promise<ClubMembership[]> {
    return loaders.membershipsOf.load(person.pseudonym);
  }
}
