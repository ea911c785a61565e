import path from 'node:path';
import { WORKSPACE_ROOT } from '@hub/core';

/** In the workspace, not beside this code: HUB_ROOT may name a scratch copy. */
export const SCHEMA_DIR = path.join(WORKSPACE_ROOT, 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
/** The supergraph of the dashboard audience: no person-level types. */
export const DASHBOARD_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.dashboard.graphql');
export const EXAMPLES_DIR = path.join(SCHEMA_DIR, 'examples');
