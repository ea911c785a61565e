import { AgeBand, LocalDate, declareOwnerReadings } from '@hub/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * One point of an indicator's time series. The foundation makes it from the definition; its
 * values come, like the indicator's current value, from the owner's `<partner>Reading`.
 */
@Directive('@key(fields: "indicatorId period on")')
@ObjectType({ description: 'An indicator\'s value at the end of one period (or today, for the running one).' })
export class IndicatorObservation {
  @Directive('@inaccessible')
  @Field(() => ID)
  indicatorId!: string;

  @Field({ description: 'The period: "2024" for a year, "2024-03" for a month.' })
  period!: string;

  @Field(() => LocalDate, { description: 'The day measured: the last day of the period, or today in the running one.' })
  on!: string;

  @Directive('@inaccessible')
  @Field()
  ownerCode!: string;

  @Directive('@inaccessible')
  @Field()
  measure!: string;

  @Directive('@inaccessible')
  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Directive('@inaccessible')
  @Field()
  areaCode!: string;

  @Directive('@inaccessible')
  @Field(() => String, { nullable: true })
  comparisonAreaCode!: string | null;
}

declareOwnerReadings(IndicatorObservation);
