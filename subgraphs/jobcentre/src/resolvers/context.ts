import type { RequestContext } from '@hub/core';
import type { JobcentreLoaders } from '../loaders/createLoaders';

export type JobcentreContext = RequestContext<JobcentreLoaders>;
