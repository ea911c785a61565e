import { Measure, Aggregate } from '@hub/core';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { JobcentreContext } from './context';
import { Initiative } from './types/stubs';

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: 'Young people the jobcentre placed in a job through this initiative: all years or one.',
  })
  placements(
    @Root() initiative: Initiative,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: JobcentreContext,
  ): Promise<Measure> {
    return loaders.placements.load({ initiative: initiative.code, year: year ?? null });
  }
}
