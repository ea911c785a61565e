import path from 'node:path';

export const SCHEMA_DIR = path.resolve(__dirname, '..');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The supergraph of the dashboard audience: no person-level types. */
export const DASHBOARD_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.dashboard.graphql');
export const EXAMPLES_DIR = path.join(SCHEMA_DIR, 'examples');
