import { Measure, meanMeasure, Aggregate } from '@hub/core';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { School } from '../entities/School';
import type { MunicipalityContext } from './context';
import { Area } from './types/Area';

@Resolver(() => School)
export class SchoolResolver {
  @FieldResolver(() => Area)
  district(@Root() school: School, @Ctx() { loaders }: MunicipalityContext): Promise<Area | null> {
    return loaders.area.load(school.districtCode);
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Mean score (1-5) of the national well-being survey, numerator = respondents: one school ' +
      'year (2017 means 2017/18), or the latest surveyed; null when there was no survey.',
  })
  async wellBeing(
    @Root() school: School,
    @Arg('schoolYear', () => Int, { nullable: true }) schoolYear: number | null,
    @Ctx() { loaders }: MunicipalityContext,
  ): Promise<Measure | null> {
    // Oldest first, so the last is the latest.
    const surveys = await loaders.surveysOf.load(school.code);
    const survey = schoolYear == null ? surveys[surveys.length - 1] : surveys.find((s) => s.schoolYear === schoolYear);
    return survey ? meanMeasure(survey.meanScore, survey.respondents) : null;
  }
}
