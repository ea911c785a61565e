import { cohortResolvers, covers } from '@hub/core';

/**
 * The municipality defines DISTRICT_RESIDENTS cohorts from its register (a district, or the whole
 * municipality; the register has no dates of moving, so a person lives where the extract says),
 * and answers IN_EDUCATION (youth guidance register) on other partners' cohorts. A district's
 * estates (the municipality's districts) are the nested cohorts the release rule looks at.
 */
export const cohorts = cohortResolvers('municipality', {
  source: {
    spells: `SELECT pseudonym, birth_year, NULL::date AS started_on, NULL::date AS ended_on,
                    CASE WHEN municipality_code = $1 THEN district_code ELSE estate_code END AS nest
             FROM person WHERE district_code = $1 OR municipality_code = $1`,
  },
  conditions: {
    IN_EDUCATION: `EXISTS (SELECT 1 FROM youth_status_spell s WHERE s.pseudonym = c.pseudonym
                     AND s.status = 'EDUCATION' AND ${covers('s', 'k.on_date')})`,
  },
});
