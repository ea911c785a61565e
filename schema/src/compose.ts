import { writeFileSync } from 'node:fs';
import { composeSupergraph, subgraphSdl } from './composeSupergraph';
import { dashboardSubgraph } from './dashboardContract';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from './paths';
import { SUBGRAPHS } from './subgraphs';

/**
 * `npm run compose`: regenerates schema/supergraph.graphql from the subgraphs' code, and the
 * dashboard contract schema/supergraph.dashboard.graphql beside it.
 */
async function main(): Promise<void> {
  const sdls = [];
  for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(definition));
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph(sdls));
  writeFileSync(DASHBOARD_SUPERGRAPH_PATH, composeSupergraph(sdls.map(dashboardSubgraph)));
  console.log(`wrote ${SUPERGRAPH_PATH} and ${DASHBOARD_SUPERGRAPH_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
