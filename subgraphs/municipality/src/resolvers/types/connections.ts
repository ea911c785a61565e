import { ConnectionType } from '@hub/core';
import { Area } from './Area';

export const AreaConnection = ConnectionType(Area, 'Area');
