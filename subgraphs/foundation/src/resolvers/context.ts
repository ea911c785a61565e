import type { RequestContext } from '@hub/core';
import type { FoundationLoaders } from '../loaders/createLoaders';

export type FoundationContext = RequestContext<FoundationLoaders>;
