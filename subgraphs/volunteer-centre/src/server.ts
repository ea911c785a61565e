import {
  CohortAudit1767225600350,
  cohortEntity,
  runSubgraph,
  type SubgraphDefinition,
  lineOfActionReference,
} from '@hub/core';
import { Club } from './entities/Club';
import { ClubMembership } from './entities/ClubMembership';
import { createLoaders, type VolunteerCentreLoaders } from './loaders/createLoaders';
import { VolunteerCentreInitial1767225600500 } from './migrations/1767225600500-VolunteerCentreInitial';
import { VolunteerCentreMembershipNaturalKey1767225600510 } from './migrations/1767225600510-VolunteerCentreMembershipNaturalKey';
import { AreaResolver } from './resolvers/AreaResolver';
import { cohorts } from './resolvers/cohorts';
import { ClubMembershipResolver } from './resolvers/ClubMembershipResolver';
import { ClubResolver } from './resolvers/ClubResolver';
import { volunteerCentreIndicatorReadings } from './resolvers/IndicatorReadings';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { PersonResolver } from './resolvers/PersonResolver';
import { Person } from './resolvers/types/stubs';
import { seedVolunteerCentre } from './seed/seedVolunteerCentre';


/** The volunteer centre's subgraph: clubs and associations, and who is a member of them. */
export const volunteerCentre: SubgraphDefinition<VolunteerCentreLoaders> = {
  name: 'volunteer-centre',
  entities: [Club, ClubMembership],
  migrations: [VolunteerCentreInitial1767225600500, VolunteerCentreMembershipNaturalKey1767225600510, CohortAudit1767225600350],
  resolvers: [ClubResolver, ClubMembershipResolver, LineOfActionResolver, PersonResolver, AreaResolver, ...cohorts, ...volunteerCentreIndicatorReadings.resolvers],
  // No root field leads to a person, and type-graphql leaves out types it cannot reach.
  orphanedTypes: [Person, cohortEntity('volunteer-centre'), ...volunteerCentreIndicatorReadings.types],
  references: {
    Club: (ref, { loaders }) => loaders.club.load(ref.code as string),
    // A line of action carries its whole key: nothing to load, only the code to check.
    LineOfAction: lineOfActionReference,
    // Only areas in the centre's copy of the register; an unknown code resolves to null.
    Area: (ref, { loaders }) => loaders.area.load(ref.code as string),
    // Never null for a pseudonym it does not hold: that would tell every caller, before any
    // access check, whether this partner has a record of the person. The fields answer empty.
    Person: (ref) => ({ pseudonym: ref.pseudonym }),
  },
  createLoaders,
  seed: seedVolunteerCentre,
};

if (require.main === module) void runSubgraph(volunteerCentre);
