import { AgeBand, AreaDateArgs, Measure, populationKey, Aggregate } from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MunicipalityContext } from './context';
import { LineOfAction } from './types/stubs';

/** Said of every field: the municipality's registers know nothing of lines of action. */
const SAME_FOR_EVERY_LINE =
  'Line-independent: the municipality\'s records know no lines of action, so every line gets the same answer (municipality).';

/** The municipality's measures, from its register extract, youth guidance register and school surveys. */
@Resolver(() => LineOfAction)
export class LineOfActionResolver {
  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Share of the age band living in the area who are in neither education nor work (NEET) on ' +
      `the day, of all of the band living there. ${SAME_FOR_EVERY_LINE}`,
  })
  neetShare(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_15_24 }) ageBand: AgeBand,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<Measure> {
    return loaders.neetShare.load(populationKey(args, ageBand));
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Share of the age band living in the area who are in education on the day, of all of the ' +
      `band living there. ${SAME_FOR_EVERY_LINE}`,
  })
  inEducationShare(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_15_24 }) ageBand: AgeBand,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<Measure> {
    return loaders.inEducationShare.load(populationKey(args, ageBand));
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: `Persons of the age band living in the area on the day. ${SAME_FOR_EVERY_LINE}`,
  })
  population(
    @Root() _line: LineOfAction,
    @Args() args: AreaDateArgs,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_0_24 }) ageBand: AgeBand,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<Measure> {
    return loaders.population.load(populationKey(args, ageBand));
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Mean well-being score (1-5) over the schools in the area, weighted by respondents ' +
      '(numerator = respondents); value null when none of them was surveyed that year. ' +
      SAME_FOR_EVERY_LINE,
  })
  wellBeing(
    @Root() _line: LineOfAction,
    @Arg('area', { description: 'Area code from the register, e.g. "osterbyen" or "esbjerg".' }) area: string,
    @Arg('schoolYear', () => Int, {
      nullable: true,
      description: 'The calendar year the school year starts in (2017 means 2017/18); the latest surveyed if left out.',
    })
    schoolYear: number | null,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<Measure> {
    return loaders.wellBeing.load({ area, schoolYear: schoolYear ?? null });
  }
}
