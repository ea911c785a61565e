import { AgeBand, AreaDateArgs, Measure, populationKey, Aggregate } from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JobcentreContext } from './context';
import { LineOfAction } from './types/stubs';

/** The jobcentre's measures, from employment and benefit records of the area's residents. */
@Resolver(() => LineOfAction)
export class LineOfActionResolver {
  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: 'Share of the age band living in the area with a running part-time job (jobcentre).',
  })
  partTimeJobShare(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_15_17 }) ageBand: AgeBand,
    @Ctx() { loaders }: JobcentreContext,
  ): Promise<Measure> {
    return loaders.partTimeJobShare.load(populationKey(args, ageBand));
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: 'Share of the age band living in the area on public benefits (jobcentre).',
  })
  benefitShare(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_18_29 }) ageBand: AgeBand,
    @Ctx() { loaders }: JobcentreContext,
  ): Promise<Measure> {
    return loaders.benefitShare.load(populationKey(args, ageBand));
  }
}
