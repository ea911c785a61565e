import { ConnectionType } from '@hub/core';
import { Club } from '../../entities/Club';

export const ClubConnection = ConnectionType(Club, 'Club');
