import { cohortResolvers } from '@hub/core';

/**
 * The association defines ESTATE_RESIDENTS cohorts: persons with a tenancy running in the estate
 * on the reference date. It releases them only under an agreement that names the recipient.
 */
export const cohorts = cohortResolvers('housing-association', {
  source: {
    spells: `SELECT pseudonym, birth_year, moved_in_on AS started_on, moved_out_on AS ended_on, NULL::text AS nest
             FROM tenancy WHERE estate_code = $1`,
  },
});
