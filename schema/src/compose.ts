import { writeFileSync } from 'node:fs';
import { composeSupergraph, subgraphSdl } from './composeSupergraph';
import { SUPERGRAPH_PATH } from './paths';
import { SUBGRAPHS } from './subgraphs';

/** `npm run compose`: regenerates schema/supergraph.graphql from the subgraphs' code. */
async function main(): Promise<void> {
  const sdls = [];
  for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(definition));
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph(sdls));
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
