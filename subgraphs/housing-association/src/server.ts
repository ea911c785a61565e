import {
  CohortAudit1767225600350,
  cohortEntity,
  runSubgraph,
  type SubgraphDefinition,
  lineOfActionReference,
} from '@hub/core';
import { Department } from './entities/Department';
import { SafetySurvey } from './entities/SafetySurvey';
import { Tenancy } from './entities/Tenancy';
import { createLoaders, type HousingAssociationLoaders } from './loaders/createLoaders';
import { HousingAssociationInitial1767225600400 } from './migrations/1767225600400-HousingAssociationInitial';
import { HousingAssociationTenancyNaturalKey1767225600420 } from './migrations/1767225600420-HousingAssociationTenancyNaturalKey';
import { AreaResolver } from './resolvers/AreaResolver';
import { cohorts } from './resolvers/cohorts';
import { DepartmentResolver } from './resolvers/DepartmentResolver';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { PersonResolver } from './resolvers/PersonResolver';
import { TenancyResolver } from './resolvers/TenancyResolver';
import { Area, LineOfAction, Person } from './resolvers/types/stubs';
import { seedHousingAssociation } from './seed/seedHousingAssociation';

/** The housing association's subgraph: estates' departments, tenancies and safety surveys. */
export const housingAssociation: SubgraphDefinition<HousingAssociationLoaders> = {
  name: 'housing-association',
  entities: [Department, Tenancy, SafetySurvey],
  migrations: [CohortAudit1767225600350, HousingAssociationInitial1767225600400, HousingAssociationTenancyNaturalKey1767225600420],
  resolvers: [AreaResolver, DepartmentResolver, TenancyResolver, PersonResolver, LineOfActionResolver, ...cohorts],
  // Entities with no root field reach the schema only through their key.
  orphanedTypes: [Area, LineOfAction, Person, cohortEntity('housing-association')],
  references: {
    // An area code missing from the register copy resolves to null, not to an error for everyone.
    Area: async (ref, { loaders }) =>
      (await loaders.area.load(ref.code as string)) ? { code: ref.code } : null,
    LineOfAction: lineOfActionReference,
    // Never null for a pseudonym it does not hold: that would tell every caller, before any
    // access check, whether this partner has a record of the person. The fields answer empty.
    Person: (ref) => ({ pseudonym: ref.pseudonym }),
  },
  createLoaders,
  seed: seedHousingAssociation,
};

if (require.main === module) void runSubgraph(housingAssociation);
