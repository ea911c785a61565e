import { DISCLOSURE_THRESHOLD } from './threshold';

/**
 * Primary disclosure rules: when one aggregate, looked at alone, could single out persons.
 * Pure functions of the counts behind a measure; the measure constructors in `@hub/core` apply
 * them, so a subgraph cannot publish a figure without passing through them.
 */
export enum SuppressionReason {
  /** Fewer persons than the threshold (a count, a share's numerator, a mean's respondents). */
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  /** A share of fewer persons than the threshold. */
  DENOMINATOR_BELOW_THRESHOLD = 'DENOMINATOR_BELOW_THRESHOLD',
  /** A share whose "all but n" is below the threshold: it would tell those few apart. */
  COMPLEMENT_BELOW_THRESHOLD = 'COMPLEMENT_BELOW_THRESHOLD',
  /** Publishable alone, withheld so that another suppressed cell cannot be worked out from it. */
  SECONDARY = 'SECONDARY',
}

/** A rule's verdict: why a cell is withheld, or null when it may be published. */
export type Suppression = SuppressionReason | null;

/**
 * A count of persons. Zero is suppressed too: if 0 were published and only 1-4 withheld, every
 * withheld cell would say "there is someone here", and a share with a zero numerator says
 * something about every person in its group. Withholding 0-4 alike makes a withheld cell say
 * nothing but "fewer than the threshold".
 */
export function countSuppression(count: number, threshold = DISCLOSURE_THRESHOLD): Suppression {
  return count < threshold ? SuppressionReason.BELOW_THRESHOLD : null;
}

/**
 * A share `numerator` of `denominator` persons: the group must be large enough, and so must both
 * the persons who have the property and those who do not (95 of 97 singles out the 2).
 */
export function shareSuppression(
  numerator: number,
  denominator: number,
  threshold = DISCLOSURE_THRESHOLD,
): Suppression {
  if (denominator < threshold) return SuppressionReason.DENOMINATOR_BELOW_THRESHOLD;
  if (numerator < threshold) return SuppressionReason.BELOW_THRESHOLD;
  if (denominator - numerator < threshold) return SuppressionReason.COMPLEMENT_BELOW_THRESHOLD;
  return null;
}

/** A mean over respondents: with few respondents the mean is close to each one's answer. */
export function meanSuppression(respondents: number, threshold = DISCLOSURE_THRESHOLD): Suppression {
  return respondents < threshold ? SuppressionReason.BELOW_THRESHOLD : null;
}
