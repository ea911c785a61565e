import { cohortResolvers, covers } from '@hub/core';

/** The volunteer centre answers CLUB_MEMBER (a running membership of any club) on other partners' cohorts. */
export const cohorts = cohortResolvers('volunteer-centre', {
  conditions: {
    CLUB_MEMBER: `EXISTS (SELECT 1 FROM membership s WHERE s.pseudonym = c.pseudonym AND ${covers('s', 'k.on_date')})`,
  },
});
