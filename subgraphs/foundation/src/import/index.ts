import type { ImportMapping } from '@hub/core';
import { grantsMapping } from './grants.mapping';
import { initiativesMapping } from './initiatives.mapping';
import { linesOfActionMapping } from './lines-of-action.mapping';
import { partnersMapping } from './partners.mapping';

/** Every extract the foundation can load with `hub import foundation`, all versions still read. */
export const foundationMappings: readonly ImportMapping[] = [
  linesOfActionMapping,
  partnersMapping,
  initiativesMapping,
  grantsMapping,
];
