import { GraphQLError } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { Aggregate } from '../auth/access';
import { AgeBand } from '../graphql/enums';
import type { Measure } from '../graphql/Measure';
import { LocalDate } from '../graphql/scalars';
import { latestStockReferenceDate, today } from '../measures/referenceDates';
import { partnerSpec, type PartnerName } from '../partners';
import { INDICATOR_DEFINITION_FIELDS, indicatorReadingType, readingField } from './IndicatorReading';

/** Where and when an owner reads an indicator's measure. */
export interface IndicatorReadingKey {
  area: string;
  ageBand: AgeBand;
  /** The day measured. */
  on: string;
}

/**
 * Reads one of the owner's measures for a key, through a loader of the request (so the readings
 * of every indicator and period of a request are answered by one statement per measure).
 */
export type IndicatorReader<TContext> = (key: IndicatorReadingKey, context: TContext) => Promise<Measure>;

/** The foundation's definition fields an owner receives with `@requires` (never stores). */
@ObjectType()
abstract class IndicatorDefinitionFields {
  @Directive('@external')
  @Field({ description: 'The owning partner\'s organisation code.' })
  ownerCode!: string;

  @Directive('@external')
  @Field()
  measure!: string;

  @Directive('@external')
  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Directive('@external')
  @Field()
  areaCode!: string;

  @Directive('@external')
  @Field(() => String, { nullable: true })
  comparisonAreaCode!: string | null;
}

/** What a partner registers to answer the indicators it owns: resolvers, and the types they extend. */
export interface IndicatorReadings {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  types: Function[];
}

/**
 * The owner's side of the foundation's indicators: adds `<partner>Reading` (`@inaccessible`) to
 * `Indicator` (today) and to `IndicatorObservation` (on the observation's day). It answers null
 * for an indicator the partner does not own, and otherwise the measure named by the indicator,
 * read with `readers[measure]` in the indicator's area and its comparison area.
 */
export function createIndicatorReadings<TContext>(
  partner: PartnerName,
  readers: Record<string, IndicatorReader<TContext>>,
): IndicatorReadings {
  const { organisation } = partnerSpec(partner);
  const field = readingField(partner);
  const Reading = indicatorReadingType(partner);
  const description = `The indicator's measure read from ${organisation}'s own data; null unless ${organisation} owns it.`;

  async function read(indicatorId: string, definition: IndicatorDefinitionFields, on: string, context: TContext) {
    if (definition.ownerCode !== organisation) return null;
    const reader = readers[definition.measure];
    if (!reader) {
      throw new GraphQLError(
        `${organisation} has no indicator measure "${definition.measure}"; it has ${Object.keys(readers).join(', ')}.`,
        { extensions: { code: 'INDICATOR_MEASURE_UNKNOWN', measure: definition.measure } },
      );
    }
    const at = (area: string) => reader({ area, ageBand: definition.ageBand, on }, context);
    const comparisonArea = definition.comparisonAreaCode;
    const [area, comparison] = await Promise.all([at(definition.areaCode), comparisonArea ? at(comparisonArea) : null]);
    return Object.assign(new Reading(), { indicatorId, area, comparison });
  }

  @Directive('@key(fields: "id")')
  @ObjectType('Indicator')
  class OwnedIndicator extends IndicatorDefinitionFields {
    @Field(() => ID)
    id!: string;
  }

  @Directive('@key(fields: "indicatorId period on")')
  @ObjectType('IndicatorObservation')
  class OwnedObservation extends IndicatorDefinitionFields {
    @Field(() => ID)
    indicatorId!: string;

    @Field()
    period!: string;

    @Field(() => LocalDate)
    on!: string;
  }

  @Resolver(() => OwnedIndicator)
  class IndicatorReadingResolver {
    @Aggregate()
    @Directive('@inaccessible')
    @Directive(`@requires(fields: "${INDICATOR_DEFINITION_FIELDS}")`)
    @FieldResolver(() => Reading, { name: field, nullable: true, description: `${description} On the latest reference date (month end).` })
    reading(@Root() indicator: OwnedIndicator, @Ctx() context: TContext) {
      return read(indicator.id, indicator, latestStockReferenceDate(today()), context);
    }
  }

  @Resolver(() => OwnedObservation)
  class ObservationReadingResolver {
    @Aggregate()
    @Directive('@inaccessible')
    @Directive(`@requires(fields: "${INDICATOR_DEFINITION_FIELDS}")`)
    @FieldResolver(() => Reading, { name: field, nullable: true, description: `${description} On the day.` })
    reading(@Root() observation: OwnedObservation, @Ctx() context: TContext) {
      return read(observation.indicatorId, observation, observation.on, context);
    }
  }

  return {
    resolvers: [IndicatorReadingResolver, ObservationReadingResolver],
    types: [OwnedIndicator, OwnedObservation] satisfies ClassType[],
  };
}
