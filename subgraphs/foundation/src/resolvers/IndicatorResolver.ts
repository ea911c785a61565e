import { Aggregate, LineOfActionCode, Measure, OWNER_READINGS, latestStockReferenceDate, notFound, ownerReading, readingsOf, today } from '@hub/core';
import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ALLIANCE_SCOPE, GoalFulfilment } from '../entities/GoalFulfilment';
import { Indicator, IndicatorPoint } from '../entities/Indicator';
import { IndicatorPeriod } from '../entities/IndicatorEnums';
import { IndicatorObservation } from '../entities/IndicatorObservation';
import { LineOfAction } from '../entities/LineOfAction';
import { Partner } from '../entities/Partner';
import type { FoundationContext } from './context';
import { goalFulfilment } from './GoalFulfilmentRules';
import { periodDays } from './IndicatorPeriods';
import { Area } from './types/Area';

/** The owner's reading of an indicator today, from the fields the query plan brought. */
export const readingOf = (indicator: Indicator) =>
  ownerReading(indicator as unknown as Record<string, unknown>, indicator.ownerCode);

/** An indicator's goal and how far it has come today. */
export function fulfilmentOf(indicator: Indicator): GoalFulfilment {
  const goal = {
    direction: indicator.direction,
    baseline: { date: indicator.baselineOn, value: indicator.baselineValue },
    target: { date: indicator.targetOn, value: indicator.targetValue },
  };
  return Object.assign(new GoalFulfilment(), goalFulfilment(goal, readingOf(indicator)?.area?.value ?? null, today()));
}

/** An indicator as the query plan hands it back: its definition, with the owners' readings it brought. */
export async function indicatorReference(
  reference: Record<string, unknown>,
  { loaders }: FoundationContext,
): Promise<Indicator | null> {
  const indicator = await loaders.indicator.load(reference.id as string);
  return indicator && Object.assign(new Indicator(), indicator, readingsOf(reference));
}

const point = (date: string, value: number) => Object.assign(new IndicatorPoint(), { date, value });

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The alliance\'s indicators: all, or those of one line of action.' })
  indicators(
    @Arg('lineOfAction', () => LineOfActionCode, { nullable: true }) line: LineOfActionCode | null,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<Indicator[]> {
    return line ? loaders.indicatorsOfLine.load(line) : loaders.allIndicators.load(ALLIANCE_SCOPE);
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by id; null with NOT_FOUND for an id the alliance has not defined.' })
  async indicator(@Arg('id', () => ID) id: string, @Ctx() { loaders }: FoundationContext): Promise<Indicator> {
    const indicator = await loaders.indicator.load(id);
    if (!indicator) throw notFound(`The alliance has no indicator "${id}"; \`indicators\` lists them.`, 'id', id);
    return indicator;
  }

  @FieldResolver(() => LineOfAction)
  async lineOfAction(@Root() indicator: Indicator, @Ctx() { loaders }: FoundationContext) {
    return loaders.lineOfAction.load(indicator.lineOfActionCode);
  }

  @FieldResolver(() => Partner, { description: 'The partner whose own data the values are read from.' })
  async owner(@Root() indicator: Indicator, @Ctx() { loaders }: FoundationContext) {
    return loaders.partner.load(indicator.ownerCode);
  }

  // Nullable, as every reference to another partner's entity: the municipality answers its name.
  @FieldResolver(() => Area, { nullable: true, description: 'Where the indicator is measured, e.g. Østerbyen.' })
  area(@Root() indicator: Indicator): Area {
    return { code: indicator.areaCode };
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area it is compared with, e.g. Esbjerg as a whole; null for none.' })
  comparisonArea(@Root() indicator: Indicator): Area | null {
    return indicator.comparisonAreaCode === null ? null : { code: indicator.comparisonAreaCode };
  }

  @FieldResolver(() => IndicatorPoint, { description: 'Where the alliance started: the value on the baseline date.' })
  baseline(@Root() indicator: Indicator): IndicatorPoint {
    return point(indicator.baselineOn, indicator.baselineValue);
  }

  @FieldResolver(() => IndicatorPoint, { description: 'The goal: the value to reach by the target date.' })
  target(@Root() indicator: Indicator): IndicatorPoint {
    return point(indicator.targetOn, indicator.targetValue);
  }

  @Aggregate()
  @Directive(`@requires(fields: "${OWNER_READINGS}")`)
  @FieldResolver(() => Measure, { nullable: true, description: 'The value today in the area, live from the owner\'s data.' })
  current(@Root() indicator: Indicator): Measure | null {
    return readingOf(indicator)?.area ?? null;
  }

  @Aggregate()
  @Directive(`@requires(fields: "${OWNER_READINGS}")`)
  @FieldResolver(() => Measure, { nullable: true, description: 'The value today in the comparison area; null without one.' })
  comparisonCurrent(@Root() indicator: Indicator): Measure | null {
    return readingOf(indicator)?.comparison ?? null;
  }

  @Aggregate()
  @Directive(`@requires(fields: "${OWNER_READINGS}")`)
  // Nullable: it needs the owner's reading, and an owner that fails must not null the indicator.
  @FieldResolver(() => GoalFulfilment, {
    nullable: true,
    description: 'How far the current value has come from baseline toward target; null when its owner did not answer.',
  })
  fulfilment(@Root() indicator: Indicator): GoalFulfilment {
    return fulfilmentOf(indicator);
  }

  @FieldResolver(() => [IndicatorObservation], {
    description:
      'The values from the baseline\'s period to the latest reference date (month end), one per YEAR or MONTH, ' +
      'each on its last day, live from the owner\'s data.',
  })
  series(
    @Root() indicator: Indicator,
    @Arg('period', () => IndicatorPeriod, { defaultValue: IndicatorPeriod.YEAR }) period: IndicatorPeriod,
  ): IndicatorObservation[] {
    return periodDays(period, indicator.baselineOn, latestStockReferenceDate(today())).map((day) =>
      Object.assign(new IndicatorObservation(), {
        indicatorId: indicator.id,
        ...day,
        ownerCode: indicator.ownerCode,
        measure: indicator.measure,
        ageBand: indicator.ageBand,
        areaCode: indicator.areaCode,
        comparisonAreaCode: indicator.comparisonAreaCode,
      }),
    );
  }
}
