import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { AgeBand, MeasureUnit } from './enums';

/**
 * Every aggregate that leaves a partner is a typed measure, never a bare number: the parts stay
 * visible, and disclosure control can act on the counts behind a value.
 */
@Directive('@shareable')
@ObjectType({ description: 'An aggregate with the counts behind it.' })
export class Measure {
  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-1), count, mean or amount; null when it cannot be computed.',
  })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons (or units) counted in the value.' })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons the share is taken of.' })
  denominator!: number | null;

  @Field(() => MeasureUnit)
  unit!: MeasureUnit;
}

@Directive('@shareable')
@ObjectType({ description: 'A measure for one age band of a breakdown.' })
export class AgeBandMeasure {
  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Field(() => Measure)
  measure!: Measure;
}

export function shareMeasure(numerator: number, denominator: number): Measure {
  return {
    value: denominator > 0 ? numerator / denominator : null,
    numerator,
    denominator,
    unit: MeasureUnit.SHARE,
  };
}

export function countMeasure(count: number): Measure {
  return { value: count, numerator: count, denominator: null, unit: MeasureUnit.COUNT };
}

export function meanMeasure(mean: number | null, respondents: number): Measure {
  return { value: mean, numerator: respondents, denominator: null, unit: MeasureUnit.MEAN };
}

export function amountMeasure(amountDkk: number): Measure {
  return { value: amountDkk, numerator: null, denominator: null, unit: MeasureUnit.AMOUNT_DKK };
}
