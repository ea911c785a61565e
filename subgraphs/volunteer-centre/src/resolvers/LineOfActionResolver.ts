import {
  AgeBand,
  AreaDateArgs,
  Measure,
  PageArgs,
  pageWindow,
  populationKey,
  Aggregate,
} from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { VolunteerCentreContext } from './context';
import { ClubConnection } from './types/connections';
import { LineOfAction } from './types/stubs';

const COUNT_NOT_SHARE =
  'A count, not a share: the volunteer centre has no population register to divide by.';

/** The volunteer centre's clubs and club measures, from its own membership records. */
@Resolver(() => LineOfAction)
export class LineOfActionResolver {
  @FieldResolver(() => ClubConnection, { nullable: true, description: 'Clubs whose activity serves this line.' })
  clubs(@Root() line: LineOfAction, @Args() page: PageArgs, @Ctx() { loaders }: VolunteerCentreContext) {
    return loaders.clubsOfLine.load({ parent: line.code, window: pageWindow(page) });
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Persons of the age band living in the area with a running membership of a club of this ' +
      `line on the day, each counted once (volunteer centre). ${COUNT_NOT_SHARE}`,
  })
  clubMembership(
    @Root() line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_15_17 }) ageBand: AgeBand,
    @Ctx() { loaders }: VolunteerCentreContext,
  ): Promise<Measure> {
    return loaders.membersInArea.load({ ...populationKey(args, ageBand), line: line.code });
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Persons of the age band living in the area with a running membership of any club, of ' +
      `whatever line, on the day; a member of two clubs counts once (volunteer centre). ${COUNT_NOT_SHARE}`,
  })
  volunteerClubMembers(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_15_17 }) ageBand: AgeBand,
    @Ctx() { loaders }: VolunteerCentreContext,
  ): Promise<Measure> {
    return loaders.membersInArea.load({ ...populationKey(args, ageBand), line: null });
  }
}
