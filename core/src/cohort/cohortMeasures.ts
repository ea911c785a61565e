import { SuppressionReason, type Suppression } from '../disclosure/rules';
import { MeasureUnit } from '../graphql/enums';
import { Measure, republishedCount } from '../graphql/Measure';

/** The figures of a measure another partner already passed through disclosure control. */
export interface MeasureFigures {
  numerator: number | null;
  suppressed: boolean;
  suppressionReason: Suppression;
}

/**
 * A measure withheld without any figures to publish: a cohort its definer did not release
 * (`withheld` says why). Nothing but nulls, so it cannot carry a figure past disclosure control.
 */
export function withheldMeasure(unit: MeasureUnit, reason: SuppressionReason): Measure {
  return Object.assign(new Measure(), {
    value: null,
    numerator: null,
    denominator: null,
    unit,
    suppressed: true,
    suppressionReason: reason,
    perturbed: unit !== MeasureUnit.MEAN && unit !== MeasureUnit.AMOUNT_DKK,
  });
}

/**
 * A count relayed from the partner that made it (a cohort's size, from its definer), through the
 * count rule again: withheld stays withheld, with its reason.
 */
export function relayedCount(figures: MeasureFigures): Measure {
  if (figures.suppressed || figures.numerator === null) {
    return withheldMeasure(MeasureUnit.COUNT, figures.suppressionReason ?? SuppressionReason.BELOW_THRESHOLD);
  }
  return republishedCount(figures.numerator);
}
