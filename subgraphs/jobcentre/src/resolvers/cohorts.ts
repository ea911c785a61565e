import { cohortResolvers, covers } from '@hub/core';

const running = (table: string, kinds: string) =>
  `EXISTS (SELECT 1 FROM ${table} s WHERE s.pseudonym = c.pseudonym AND s.kind IN (${kinds}) AND ${covers('s', 'k.on_date')})`;

/**
 * The jobcentre defines PROGRAMME_PARTICIPANTS cohorts (it holds the placements: a participant
 * is placed through the initiative on or before the reference date) and answers IN_WORK
 * (a running full-time job; part-time jobs are PART_TIME_JOB), ON_BENEFITS and PART_TIME_JOB.
 */
export const cohorts = cohortResolvers('jobcentre', {
  source: {
    spells: `SELECT pl.pseudonym, c.birth_year, min(pl.placed_on) AS started_on, NULL::date AS ended_on, NULL::text AS nest
             FROM placement pl JOIN citizen c ON c.pseudonym = pl.pseudonym
             WHERE pl.initiative_code = $1 GROUP BY pl.pseudonym, c.birth_year`,
  },
  conditions: {
    IN_WORK: running('employment_spell', `'FULL_TIME_JOB'`),
    ON_BENEFITS: running('benefit_spell', `'CASH_BENEFIT', 'EDUCATION_BENEFIT', 'UNEMPLOYMENT_BENEFIT'`),
    PART_TIME_JOB: running('employment_spell', `'PART_TIME_JOB'`),
  },
});
