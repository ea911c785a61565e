import {
  AgeBand,
  LocalDate,
  Measure,
  ON_DESCRIPTION,
  PageArgs,
  notFound,
  pageWindow,
  referenceDateArg,
  Aggregate,
} from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Club } from '../entities/Club';
import type { VolunteerCentreContext } from './context';
import { ClubConnection } from './types/connections';
import { Area, LineOfAction } from './types/stubs';

@Resolver(() => Club)
export class ClubResolver {
  @Query(() => Club, { description: 'One club registered with the volunteer centre.' })
  async club(@Arg('code') code: string, @Ctx() { loaders }: VolunteerCentreContext): Promise<Club> {
    const club = await loaders.club.load(code);
    if (!club) throw notFound(`No club with code "${code}".`, 'code', code);
    return club;
  }

  @Query(() => ClubConnection, { description: 'All clubs registered with the volunteer centre.' })
  clubs(@Args() page: PageArgs, @Ctx() { loaders }: VolunteerCentreContext) {
    return loaders.allClubs.load({ parent: 'all', window: pageWindow(page) });
  }

  @FieldResolver(() => LineOfAction, { nullable: true, description: 'The line of action the club\'s activity serves.' })
  lineOfAction(@Root() club: Club): LineOfAction {
    return { code: club.lineOfActionCode };
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district the club is based in.' })
  district(@Root() club: Club): Area {
    return { code: club.districtCode };
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Members of the age band with a running membership on the day. A count, not a share: ' +
      'the volunteer centre has no population register to divide by.',
  })
  members(
    @Root() club: Club,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_0_24 }) ageBand: AgeBand,
    @Arg('on', () => LocalDate, { nullable: true, description: ON_DESCRIPTION })
    on: string | null,
    @Ctx() { loaders }: VolunteerCentreContext,
  ): Promise<Measure> {
    return loaders.clubMembers.load({ club: club.code, ageBand, on: referenceDateArg(on) });
  }
}
