import type { ImportMapping } from '@hub/core';
import { employmentMapping } from './employment.mapping';

/** Every extract the jobcentre can load with `hub import jobcentre`, all versions still read. */
export const jobcentreMappings: readonly ImportMapping[] = [employmentMapping];
