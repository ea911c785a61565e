import { createIndicatorReadings } from '@hub/core';
import type { VolunteerCentreContext } from './context';

/**
 * The volunteer centre's measures that alliance indicators may name: its LineOfAction field of
 * the same name, through the same loader (one statement for every indicator and period).
 */
export const volunteerCentreIndicatorReadings = createIndicatorReadings<VolunteerCentreContext>('volunteer-centre', {
  volunteerClubMembers: (key, { loaders }) => loaders.membersInArea.load({ ...key, line: null }),
});
