import {
  CohortAudit1767225600350,
  cohortEntity,
  runSubgraph,
  type SubgraphDefinition,
  lineOfActionReference,
} from '@hub/core';
import { BenefitSpell } from './entities/BenefitSpell';
import { Citizen } from './entities/Citizen';
import { EmploymentSpell } from './entities/EmploymentSpell';
import { Placement } from './entities/Placement';
import { createLoaders, type JobcentreLoaders } from './loaders/createLoaders';
import { JobcentreInitial1767225600300 } from './migrations/1767225600300-JobcentreInitial';
import { JobcentreEmploymentNaturalKey1767225600310 } from './migrations/1767225600310-JobcentreEmploymentNaturalKey';
import { cohorts } from './resolvers/cohorts';
import { InitiativeResolver } from './resolvers/InitiativeResolver';
import { jobcentreIndicatorReadings } from './resolvers/IndicatorReadings';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { PersonResolver } from './resolvers/PersonResolver';
import { Initiative, LineOfAction, Person } from './resolvers/types/stubs';
import { seedJobcentre } from './seed/seedJobcentre';

/** The jobcentre's subgraph: employment, benefits and job placements of the municipality's residents. */
export const jobcentre: SubgraphDefinition<JobcentreLoaders> = {
  name: 'jobcentre',
  entities: [Citizen, EmploymentSpell, BenefitSpell, Placement],
  migrations: [JobcentreInitial1767225600300, JobcentreEmploymentNaturalKey1767225600310, CohortAudit1767225600350],
  resolvers: [LineOfActionResolver, InitiativeResolver, PersonResolver, ...cohorts, ...jobcentreIndicatorReadings.resolvers],
  orphanedTypes: [LineOfAction, Initiative, Person, cohortEntity('jobcentre'), ...jobcentreIndicatorReadings.types],
  references: {
    LineOfAction: lineOfActionReference,
    // Initiatives carry their whole key; there is nothing of them to load here.
    Initiative: (ref) => ({ code: ref.code }),
    // Never null for a pseudonym it does not hold: that would tell every caller, before any
    // access check, whether this partner has a record of the person. The fields answer empty.
    Person: (ref) => ({ pseudonym: ref.pseudonym }),
  },
  createLoaders,
  seed: seedJobcentre,
};

if (require.main === module) void runSubgraph(jobcentre);
