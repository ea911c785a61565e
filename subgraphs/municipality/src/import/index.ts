import type { ImportMapping } from '@hub/core';
import { personsMapping } from './persons.mapping';
import { schoolsMapping } from './schools.mapping';
import { wellBeingMapping } from './well-being.mapping';
import { youthStatusMapping } from './youth-status.mapping';

/** Every extract the municipality can load with `hub import municipality`, all versions still read. */
export const municipalityMappings: readonly ImportMapping[] = [
  personsMapping,
  youthStatusMapping,
  schoolsMapping,
  wellBeingMapping,
];
