import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  SuppressionReason,
  countSuppression,
  meanSuppression,
  shareSuppression,
  type Suppression,
} from '../disclosure/rules';
import { AgeBand, MeasureUnit } from './enums';

registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why disclosure control withheld the figures of a measure.',
  valuesConfig: {
    BELOW_THRESHOLD: {
      description: 'Fewer persons than the threshold: the count, the share\'s numerator or the mean\'s respondents.',
    },
    DENOMINATOR_BELOW_THRESHOLD: { description: 'A share of a group smaller than the threshold.' },
    COMPLEMENT_BELOW_THRESHOLD: {
      description: 'A share whose "all but n" is below the threshold, so it would single out those few.',
    },
    SECONDARY: {
      description: 'Publishable alone, withheld so that a withheld cell cannot be worked out from it.',
    },
  },
});

/**
 * Every aggregate that leaves a partner is a typed measure, never a bare number: the parts stay
 * visible, and disclosure control acts on the counts behind a value. Only the constructors below
 * make a `Measure` (the protected member makes the class nominal, so an object literal does not
 * type-check as one), and each applies its primary disclosure rule: no subgraph can forget it.
 */
@Directive('@shareable')
@ObjectType({ description: 'An aggregate with the counts behind it, after disclosure control.' })
export class Measure {
  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-1), count, mean or amount; null when it cannot be computed or is suppressed.',
  })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons (or units) counted in the value; null when suppressed.' })
  numerator!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons the share is taken of; null when suppressed.' })
  denominator!: number | null;

  @Field(() => MeasureUnit)
  unit!: MeasureUnit;

  @Field(() => Boolean, {
    description:
      'True when disclosure control withheld the figures because they could be traced back to ' +
      'persons: value, numerator and denominator are then null, never zero.',
  })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figures were withheld; null when they were not.' })
  suppressionReason!: SuppressionReason | null;

  /** Never set: it only keeps anything but the constructors below from making a Measure. */
  protected declare readonly disclosureChecked: true;
}

@Directive('@shareable')
@ObjectType({ description: 'A measure for one age band of a breakdown.' })
export class AgeBandMeasure {
  @Field(() => AgeBand)
  ageBand!: AgeBand;

  @Field(() => Measure)
  measure!: Measure;
}

type Figures = Pick<Measure, 'value' | 'numerator' | 'denominator'>;

/** A measure with its figures, or with none of them when `suppression` says why. */
function measure(unit: MeasureUnit, figures: Figures, suppression: Suppression): Measure {
  return Object.assign(
    new Measure(),
    suppression === null
      ? { ...figures, unit, suppressed: false, suppressionReason: null }
      : { value: null, numerator: null, denominator: null, unit, suppressed: true, suppressionReason: suppression },
  );
}

/**
 * A share of persons. `options.suppression` adds a verdict of a secondary rule (a table the share
 * belongs to); `options.value` is the share when it was computed elsewhere (a survey's weighted
 * share), numerator / denominator otherwise.
 */
export function shareMeasure(
  numerator: number,
  denominator: number,
  options: { suppression?: Suppression; value?: number } = {},
): Measure {
  return measure(
    MeasureUnit.SHARE,
    { value: options.value ?? (denominator > 0 ? numerator / denominator : null), numerator, denominator },
    shareSuppression(numerator, denominator) ?? options.suppression ?? null,
  );
}

/** A count of persons; `suppression` adds a verdict of a secondary rule. */
export function countMeasure(count: number, suppression: Suppression = null): Measure {
  return measure(
    MeasureUnit.COUNT,
    { value: count, numerator: count, denominator: null },
    countSuppression(count) ?? suppression,
  );
}

/** A mean over respondents (numerator = respondents); `suppression` adds a secondary verdict. */
export function meanMeasure(mean: number | null, respondents: number, suppression: Suppression = null): Measure {
  return measure(
    MeasureUnit.MEAN,
    { value: mean, numerator: respondents, denominator: null },
    meanSuppression(respondents) ?? suppression,
  );
}

/** An amount of money (grants): not about persons, so never suppressed. */
export function amountMeasure(amountDkk: number): Measure {
  return measure(MeasureUnit.AMOUNT_DKK, { value: amountDkk, numerator: null, denominator: null }, null);
}
