import { SuppressionReason, type Suppression } from '../disclosure/rules';
import { DISCLOSURE_THRESHOLD } from '../disclosure/threshold';

/** What the provider counts, on its own records, before a cohort may leave it. */
export interface CohortCounts {
  /** Persons in the cohort. */
  size: number;
  /** Persons in each disjoint age band the cohort's band is made of. */
  components: readonly number[];
  /** Other predefined cohorts nested in this one (an estate in a district): persons of this one outside each. */
  outside?: readonly number[];
}

/** A difference that would single persons out: some, but fewer than the threshold. */
const revealing = (persons: number, threshold: number) => persons > 0 && persons < threshold;

/**
 * Whether a cohort may be released, by the same rules as any published table: it must not be
 * small, and no other predefined cohort on the same reference date may differ from it by a few
 * persons, or the difference of the two answers would be those persons' answer. Only predefined
 * cohorts can be asked (kinds, area codes, age bands, reference dates), so the provider can
 * check every such neighbour on its own records:
 * - the cohort has fewer persons than the threshold: BELOW_THRESHOLD;
 * - a disjoint age band of a composite band has a few persons (15-24 minus 18-24 is 15-17), or a
 *   nested cohort (an estate of a district) leaves a few persons outside it: SECONDARY.
 * Cohorts of different reference dates are measured on different dates, so their difference
 * mixes everyone's changes of status; yearly reference dates keep those differences large.
 * The verdict depends only on the definition and the provider's records, never on who asks or
 * what else was asked.
 */
export function cohortReleaseSuppression(counts: CohortCounts, threshold = DISCLOSURE_THRESHOLD): Suppression {
  if (counts.size < threshold) return SuppressionReason.BELOW_THRESHOLD;
  const differences = [
    ...(counts.components.length > 1 ? counts.components : []),
    ...(counts.outside ?? []),
  ];
  return differences.some((persons) => revealing(persons, threshold)) ? SuppressionReason.SECONDARY : null;
}
