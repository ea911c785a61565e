import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Club } from '../entities/Club';
import { ClubMembership } from '../entities/ClubMembership';
import type { VolunteerCentreContext } from './context';

@Resolver(() => ClubMembership)
export class ClubMembershipResolver {
  @FieldResolver(() => Club)
  club(@Root() membership: ClubMembership, @Ctx() { loaders }: VolunteerCentreContext): Promise<Club | null> {
    return loaders.club.load(membership.clubCode);
  }
}
