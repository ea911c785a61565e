import type { ImportMapping } from '@hub/core';
import { clubsMapping } from './clubs.mapping';
import { membershipsMapping } from './memberships.mapping';

/** Every extract the volunteer centre can load with `hub import volunteer-centre`, all versions still read. */
export const volunteerCentreMappings: readonly ImportMapping[] = [clubsMapping, membershipsMapping];
