import type { RequestContext } from '@hub/core';
import type { MunicipalityLoaders } from '../loaders/createLoaders';

export type MunicipalityContext = RequestContext<MunicipalityLoaders>;
