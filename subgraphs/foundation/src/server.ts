import { runSubgraph, type SubgraphDefinition } from '@hub/core';
import { DataSharingAgreement, DataSharingGrant } from './entities/DataSharingAgreement';
import { Indicator } from './entities/Indicator';
import { Grant } from './entities/Grant';
import { Initiative } from './entities/Initiative';
import { InitiativePartner } from './entities/InitiativePartner';
import { LineOfAction } from './entities/LineOfAction';
import { Partner } from './entities/Partner';
import { createLoaders, type FoundationLoaders } from './loaders/createLoaders';
import { FoundationInitial1767225600100 } from './migrations/1767225600100-FoundationInitial';
import { FoundationDataSharingAgreements1767225600360 } from './migrations/1767225600360-FoundationDataSharingAgreements';
import { FoundationIndicators1767225600410 } from './migrations/1767225600410-FoundationIndicators';
import { FoundationRegistryChanges1767225600500 } from './migrations/1767225600500-FoundationRegistryChanges';
import { CohortResolver } from './resolvers/CohortResolver';
import { GoalFulfilmentResolver, LineOfActionGoalResolver, summaryReference } from './resolvers/GoalFulfilmentResolver';
import { IndicatorObservationResolver, observationReference } from './resolvers/IndicatorObservationResolver';
import { IndicatorResolver, indicatorReference } from './resolvers/IndicatorResolver';
import { InitiativeResolver } from './resolvers/InitiativeResolver';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { GrantResolver, PartnerResolver } from './resolvers/PartnerResolver';
import { RegistryResolver } from './resolvers/RegistryResolver';
import { seedFoundation } from './seed/seedFoundation';

/** The foundation's subgraph: the alliance itself (partners, lines of action, initiatives, grants). */
export const foundation: SubgraphDefinition<FoundationLoaders> = {
  name: 'foundation',
  entities: [Partner, LineOfAction, Initiative, InitiativePartner, Grant, DataSharingAgreement, DataSharingGrant, Indicator],
  migrations: [FoundationInitial1767225600100, FoundationDataSharingAgreements1767225600360, FoundationIndicators1767225600410, FoundationRegistryChanges1767225600500],
  resolvers: [
    LineOfActionResolver,
    InitiativeResolver,
    PartnerResolver,
    GrantResolver,
    CohortResolver,
    IndicatorResolver,
    IndicatorObservationResolver,
    LineOfActionGoalResolver,
    GoalFulfilmentResolver,
    RegistryResolver,
  ],
  references: {
    LineOfAction: (ref, { loaders }) => loaders.lineOfAction.load(ref.code as LineOfAction['code']),
    Initiative: (ref, { loaders }) => loaders.initiative.load(ref.code as string),
    Partner: (ref, { loaders }) => loaders.partner.load(ref.code as string),
    Indicator: indicatorReference,
    IndicatorObservation: observationReference,
    GoalFulfilmentSummary: summaryReference,
  },
  createLoaders,
  seed: seedFoundation,
};

if (require.main === module) void runSubgraph(foundation);
