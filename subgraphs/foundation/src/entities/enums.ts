import { registerEnumType } from 'type-graphql';

export enum PartnerKind {
  MUNICIPALITY = 'MUNICIPALITY',
  HOUSING_ASSOCIATION = 'HOUSING_ASSOCIATION',
  JOBCENTRE = 'JOBCENTRE',
  VOLUNTEER_CENTRE = 'VOLUNTEER_CENTRE',
  FOUNDATION = 'FOUNDATION',
  SCHOOL = 'SCHOOL',
  DAY_CARE = 'DAY_CARE',
  BUSINESS = 'BUSINESS',
  MUSEUM = 'MUSEUM',
  ASSOCIATION = 'ASSOCIATION',
}

/** Where a partner sits in the alliance's governance. */
export enum GovernanceRole {
  PARTNER_GROUP = 'PARTNER_GROUP',
  STEERING_GROUP = 'STEERING_GROUP',
  ACTIVITY_PARTNER = 'ACTIVITY_PARTNER',
}

registerEnumType(PartnerKind, { name: 'PartnerKind' });
registerEnumType(GovernanceRole, {
  name: 'GovernanceRole',
  description: 'Partner group (board), steering group, or partner in activities only.',
});
