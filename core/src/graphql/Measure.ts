import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  SuppressionReason,
  countSuppression,
  meanSuppression,
  shareSuppression,
  type Suppression,
} from '../disclosure/rules';
import { perturbedCount, type CountCell } from '../disclosure/perturbation';
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

  @Field(() => Boolean, {
    description:
      'True when the counts were perturbed by the cell key method: a count of persons may differ ' +
      'from the true count by up to 2 (a published 5 may stand for 1 to 7), and a share is taken ' +
      'of perturbed counts. The same persons always get the same figure. False for survey results ' +
      'and amounts, which are published as they are.',
  })
  perturbed!: boolean;

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

/** Every field of a Measure, for a partner that receives another's measure through `@requires`. */
export const MEASURE_SELECTION = '{ value numerator denominator unit suppressed suppressionReason perturbed }';

type Figures = Pick<Measure, 'value' | 'numerator' | 'denominator' | 'perturbed'>;

/** A measure with its figures, or with none of them when `suppression` says why. */
function measure(unit: MeasureUnit, figures: Figures, suppression: Suppression): Measure {
  return Object.assign(
    new Measure(),
    suppression === null
      ? { ...figures, unit, suppressed: false, suppressionReason: null }
      : {
          value: null,
          numerator: null,
          denominator: null,
          unit,
          suppressed: true,
          suppressionReason: suppression,
          perturbed: figures.perturbed,
        },
  );
}

/**
 * A share of persons, from the cells of its numerator and its denominator: both counts are
 * perturbed, the primary rules judge the perturbed counts (so no published figure is 1-4, and no
 * share is 0 % or 100 %), and the share is taken of them. `suppression` adds the verdict of a
 * secondary rule (a table the share belongs to).
 */
export function shareMeasure(numerator: CountCell, denominator: CountCell, suppression: Suppression = null): Measure {
  const [part, whole] = [perturbedCount(numerator), perturbedCount(denominator)];
  return measure(
    MeasureUnit.SHARE,
    { value: whole > 0 ? part / whole : null, numerator: part, denominator: whole, perturbed: true },
    shareSuppression(part, whole) ?? suppression,
  );
}

/**
 * A share from a survey's published results (respondents, those who agreed, and the survey's own
 * weighted share): aggregates already, without person records to key, so not perturbed.
 */
export function surveyShareMeasure(agreed: number, respondents: number, value: number): Measure {
  return measure(
    MeasureUnit.SHARE,
    { value, numerator: agreed, denominator: respondents, perturbed: false },
    shareSuppression(agreed, respondents),
  );
}

/**
 * A count of persons from its cell: perturbed, then judged by the count rule; `suppression` adds
 * the verdict of a secondary rule.
 */
export function countMeasure(cell: CountCell, suppression: Suppression = null): Measure {
  return publishedCount(perturbedCount(cell), suppression);
}

/**
 * A count another partner perturbed already (a cohort's size, relayed from its definer): judged by
 * the count rule again, never perturbed twice.
 */
export function republishedCount(published: number): Measure {
  return publishedCount(published, null);
}

function publishedCount(published: number, suppression: Suppression): Measure {
  return measure(
    MeasureUnit.COUNT,
    { value: published, numerator: published, denominator: null, perturbed: true },
    countSuppression(published) ?? suppression,
  );
}

/** A mean over respondents (numerator = respondents); `suppression` adds a secondary verdict. */
export function meanMeasure(mean: number | null, respondents: number, suppression: Suppression = null): Measure {
  return measure(
    MeasureUnit.MEAN,
    { value: mean, numerator: respondents, denominator: null, perturbed: false },
    meanSuppression(respondents) ?? suppression,
  );
}

/** An amount of money (grants): not about persons, so never suppressed. */
export function amountMeasure(amountDkk: number): Measure {
  return measure(MeasureUnit.AMOUNT_DKK, { value: amountDkk, numerator: null, denominator: null, perturbed: false }, null);
}
