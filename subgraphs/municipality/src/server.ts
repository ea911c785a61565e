import {
  CohortAudit1767225600350,
  cohortEntity,
  runSubgraph,
  type SubgraphDefinition,
  lineOfActionReference,
  Scope,
  scopesOf,
} from '@hub/core';
import { Person } from './entities/Person';
import { School } from './entities/School';
import { WellBeingSurvey } from './entities/WellBeingSurvey';
import { YouthStatusSpell } from './entities/YouthStatusSpell';
import { createLoaders, type MunicipalityLoaders } from './loaders/createLoaders';
import { MunicipalityInitial1767225600200 } from './migrations/1767225600200-MunicipalityInitial';
import { MunicipalityYouthStatusNaturalKey1767225600210 } from './migrations/1767225600210-MunicipalityYouthStatusNaturalKey';
import { AreaResolver } from './resolvers/AreaResolver';
import { cohorts } from './resolvers/cohorts';
import { municipalityIndicatorReadings } from './resolvers/IndicatorReadings';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { PersonResolver } from './resolvers/PersonResolver';
import { findPerson } from './resolvers/persons';
import { SchoolResolver } from './resolvers/SchoolResolver';
import { LineOfAction } from './resolvers/types/stubs';
import { seedMunicipality } from './seed/seedMunicipality';

/** The municipality's subgraph (Children & Culture): areas, the register extract, youth status, schools. */
export const municipality: SubgraphDefinition<MunicipalityLoaders> = {
  name: 'municipality',
  entities: [Person, YouthStatusSpell, School, WellBeingSurvey],
  migrations: [MunicipalityInitial1767225600200, MunicipalityYouthStatusNaturalKey1767225600210, CohortAudit1767225600350],
  resolvers: [AreaResolver, PersonResolver, SchoolResolver, LineOfActionResolver, ...cohorts, ...municipalityIndicatorReadings.resolvers],
  // No root field leads to LineOfAction: only the gateway does, by its key.
  orphanedTypes: [LineOfAction, cohortEntity('municipality'), ...municipalityIndicatorReadings.types],
  references: {
    Area: (ref, { loaders }) => loaders.area.load(ref.code as string),
    // Only callers who may look persons up learn whether the register holds a pseudonym.
    Person: (ref, context) =>
      scopesOf(context.viewer).has(Scope.personLookup)
        ? findPerson(ref.pseudonym as string, context)
        : { pseudonym: ref.pseudonym },
    School: (ref, { loaders }) => loaders.school.load(ref.code as string),
    LineOfAction: lineOfActionReference,
  },
  createLoaders,
  seed: seedMunicipality,
};

if (require.main === module) void runSubgraph(municipality);
