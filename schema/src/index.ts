export { composeSupergraph, subgraphSdl, type SubgraphSdl } from './composeSupergraph';
export { SCHEMA_DIR, SUPERGRAPH_PATH, DASHBOARD_SUPERGRAPH_PATH, EXAMPLES_DIR } from './paths';
export { dashboardSubgraph, HIDDEN_FROM_DASHBOARDS } from './dashboardContract';
export { SUBGRAPHS, importMappingsOf, loadSubgraphs } from './subgraphs';
export {
  composeSubgraphs,
  describeProblem,
  type Composition,
  type CompositionProblem,
  type DescribeOptions,
  type ProblemLocation,
} from './composition';
export {
  checkPartnerSchema,
  checkSubgraphSchema,
  type ChangeScope,
  type CheckInput,
  type CheckReport,
  type Criticality,
  type SchemaChange,
} from './check';
