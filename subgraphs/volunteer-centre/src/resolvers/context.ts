import type { RequestContext } from '@hub/core';
import type { VolunteerCentreLoaders } from '../loaders/createLoaders';

export type VolunteerCentreContext = RequestContext<VolunteerCentreLoaders>;
