import { Aggregate, Measure, OWNER_READINGS, ownerReading, readingsOf } from '@hub/core';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorObservation } from '../entities/IndicatorObservation';
import type { FoundationContext } from './context';

const readingOf = (observation: IndicatorObservation) =>
  ownerReading(observation as unknown as Record<string, unknown>, observation.ownerCode);

/**
 * An observation as the query plan hands it back with the owners' readings: its key, the readings,
 * and whose reading counts (the indicator's owner). Null for an indicator that does not exist.
 */
export async function observationReference(
  reference: Record<string, unknown>,
  { loaders }: FoundationContext,
): Promise<IndicatorObservation | null> {
  const indicator = await loaders.indicator.load(reference.indicatorId as string);
  if (!indicator) return null;
  const { indicatorId, period, on } = reference;
  return Object.assign(new IndicatorObservation(), { indicatorId, period, on, ownerCode: indicator.ownerCode }, readingsOf(reference));
}

@Resolver(() => IndicatorObservation)
export class IndicatorObservationResolver {
  @Aggregate()
  @Directive(`@requires(fields: "${OWNER_READINGS}")`)
  @FieldResolver(() => Measure, { nullable: true, description: 'The value in the indicator\'s area on the day.' })
  value(@Root() observation: IndicatorObservation): Measure | null {
    return readingOf(observation)?.area ?? null;
  }

  @Aggregate()
  @Directive(`@requires(fields: "${OWNER_READINGS}")`)
  @FieldResolver(() => Measure, { nullable: true, description: 'The value in the comparison area on the day; null without one.' })
  comparison(@Root() observation: IndicatorObservation): Measure | null {
    return readingOf(observation)?.comparison ?? null;
  }
}
