export { composeSupergraph, subgraphSdl, type SubgraphSdl } from './composeSupergraph';
export { SCHEMA_DIR, SUPERGRAPH_PATH, EXAMPLES_DIR } from './paths';
export { SUBGRAPHS } from './subgraphs';
