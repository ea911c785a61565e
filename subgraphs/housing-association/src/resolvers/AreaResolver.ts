import { AgeBand, AgeBandMeasure, LocalDate, Measure, ON_DESCRIPTION, referenceDateArg, Aggregate } from '@hub/core';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Department } from '../entities/Department';
import type { HousingAssociationContext } from './context';
import { residentsByAgeBand } from './residents';
import { Area } from './types/stubs';

/** The association's view of an area: its departments, residents and safety surveys. */
@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => [Department], {
    nullable: true,
    description: 'The association\'s departments in the area (only estates have any).',
  })
  departments(@Root() area: Area, @Ctx() { loaders }: HousingAssociationContext): Promise<Department[]> {
    return loaders.departmentsOfEstate.load(area.code);
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: 'Persons of the age band with a tenancy running on the day (housing association).',
  })
  residents(
    @Root() area: Area,
    @Arg('ageBand', () => AgeBand, { defaultValue: AgeBand.AGE_0_24 }) ageBand: AgeBand,
    @Arg('on', () => LocalDate, { nullable: true, description: ON_DESCRIPTION })
    on: string | null,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<Measure> {
    return loaders.residents.load({ area: area.code, ageBand, on: referenceDateArg(on) });
  }

  @Aggregate()
  @FieldResolver(() => [AgeBandMeasure], {
    nullable: true,
    description: 'Residents by disjoint age band, 0-29 (housing association).',
  })
  residentsByAgeBand(
    @Root() area: Area,
    @Arg('on', () => LocalDate, { nullable: true, description: ON_DESCRIPTION })
    on: string | null,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<AgeBandMeasure[]> {
    return residentsByAgeBand(loaders, area.code, on);
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Share of the safety survey\'s respondents who feel safe in the estate: one year, or the ' +
      'latest; null when the area was never surveyed (housing association).',
  })
  safety(
    @Root() area: Area,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<Measure | null> {
    return loaders.safety.load({ estate: area.code, year: year ?? null });
  }
}
