import { createIndicatorReadings } from '@hub/core';
import type { JobcentreContext } from './context';

/**
 * The jobcentre's measures that alliance indicators may name: its LineOfAction fields of the same
 * name, through the same loaders (one statement per measure for every indicator and period).
 */
export const jobcentreIndicatorReadings = createIndicatorReadings<JobcentreContext>('jobcentre', {
  partTimeJobShare: (key, { loaders }) => loaders.partTimeJobShare.load(key),
  benefitShare: (key, { loaders }) => loaders.benefitShare.load(key),
});
