import {
  AgeBandMeasure,
  AreaKind,
  LocalDate,
  Measure,
  ON_DESCRIPTION,
  badUserInput,
  unknownArea,
  Aggregate,
} from '@hub/core';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { HousingAssociationLoaders } from '../loaders/createLoaders';
import type { HousingAssociationContext } from './context';
import { residentsByAgeBand } from './residents';
import { LineOfAction } from './types/stubs';

/** The `estate` argument must name an area of kind ESTATE: the association reports per estate. */
async function checkedEstate(loaders: HousingAssociationLoaders, code: string): Promise<string> {
  const area = await loaders.area.load(code);
  if (!area) {
    throw unknownArea(code, 'estate');
  }
  if (area.kind !== AreaKind.ESTATE) {
    throw badUserInput(
      `"${code}" is a ${area.kind.toLowerCase()}, not an estate: \`estate\` takes an estate's code.`,
      'estate',
    );
  }
  return code;
}

/** The association's measures for the alliance, per estate. */
@Resolver(() => LineOfAction)
export class LineOfActionResolver {
  @Aggregate()
  @FieldResolver(() => [AgeBandMeasure], {
    nullable: true,
    description: 'Residents of the estate by disjoint age band, 0-29 (housing association).',
  })
  async residentsByAgeBand(
    @Root() _line: LineOfAction,
    @Arg('estate', { description: 'Estate code, e.g. "hedelundgardparken".' }) estate: string,
    @Arg('on', () => LocalDate, { nullable: true, description: ON_DESCRIPTION })
    on: string | null,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<AgeBandMeasure[]> {
    return residentsByAgeBand(loaders, await checkedEstate(loaders, estate), on);
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description:
      'Share of the estate\'s safety survey respondents who feel safe: one year, or the latest; ' +
      'null when not surveyed (housing association).',
  })
  async safetyShare(
    @Root() _line: LineOfAction,
    @Arg('estate', { description: 'Estate code, e.g. "hedelundgardparken".' }) estate: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<Measure | null> {
    return loaders.safety.load({ estate: await checkedEstate(loaders, estate), year: year ?? null });
  }
}
