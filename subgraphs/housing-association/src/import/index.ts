import type { ImportMapping } from '@hub/core';
import { departmentsMapping } from './departments.mapping';
import { safetySurveysMapping } from './safety-surveys.mapping';
import { tenanciesMapping } from './tenancies.mapping';

/** Every extract the housing association can load with `hub import housing-association`, all versions still read. */
export const housingAssociationMappings: readonly ImportMapping[] = [
  departmentsMapping,
  tenanciesMapping,
  safetySurveysMapping,
];
