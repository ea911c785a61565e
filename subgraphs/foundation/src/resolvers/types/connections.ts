import { ConnectionType } from '@hub/core';
import { Initiative } from '../../entities/Initiative';
import { Partner } from '../../entities/Partner';

export const InitiativeConnection = ConnectionType(Initiative, 'Initiative');
export const PartnerConnection = ConnectionType(Partner, 'Partner');
