import { runSubgraph, type SubgraphDefinition } from '@hub/core';
import { Grant } from './entities/Grant';
import { Initiative } from './entities/Initiative';
import { InitiativePartner } from './entities/InitiativePartner';
import { LineOfAction } from './entities/LineOfAction';
import { Partner } from './entities/Partner';
import { createLoaders, type FoundationLoaders } from './loaders/createLoaders';
import { FoundationInitial1767225600100 } from './migrations/1767225600100-FoundationInitial';
import { InitiativeResolver } from './resolvers/InitiativeResolver';
import { LineOfActionResolver } from './resolvers/LineOfActionResolver';
import { GrantResolver, PartnerResolver } from './resolvers/PartnerResolver';
import { seedFoundation } from './seed/seedFoundation';

/** The foundation's subgraph: the alliance itself (partners, lines of action, initiatives, grants). */
export const foundation: SubgraphDefinition<FoundationLoaders> = {
  name: 'foundation',
  entities: [Partner, LineOfAction, Initiative, InitiativePartner, Grant],
  migrations: [FoundationInitial1767225600100],
  resolvers: [LineOfActionResolver, InitiativeResolver, PartnerResolver, GrantResolver],
  references: {
    LineOfAction: (ref, { loaders }) => loaders.lineOfAction.load(ref.code as LineOfAction['code']),
    Initiative: (ref, { loaders }) => loaders.initiative.load(ref.code as string),
    Partner: (ref, { loaders }) => loaders.partner.load(ref.code as string),
  },
  createLoaders,
  seed: seedFoundation,
};

if (require.main === module) void runSubgraph(foundation);
