import { WORKSPACE_ROOT } from '@hub/core';

/** The repository the hub runs from (HUB_ROOT may name another copy). */
export const REPO_ROOT = WORKSPACE_ROOT;
