import type { RequestContext } from '@hub/core';
import type { HousingAssociationLoaders } from '../loaders/createLoaders';

export type HousingAssociationContext = RequestContext<HousingAssociationLoaders>;
