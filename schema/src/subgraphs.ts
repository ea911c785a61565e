import type { SubgraphDefinition } from '@hub/core';
import { foundation } from '@hub/subgraph-foundation';
import { housingAssociation } from '@hub/subgraph-housing-association';
import { jobcentre } from '@hub/subgraph-jobcentre';
import { municipality } from '@hub/subgraph-municipality';
import { volunteerCentre } from '@hub/subgraph-volunteer-centre';

/** Every partner subgraph of the hub, in the order of PARTNER_NAMES. */
export const SUBGRAPHS: readonly SubgraphDefinition<unknown>[] = [
  municipality,
  housingAssociation,
  jobcentre,
  volunteerCentre,
  foundation,
] as SubgraphDefinition<unknown>[];
