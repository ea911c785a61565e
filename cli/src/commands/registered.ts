import path from 'node:path';
import { CLIENT_OPERATIONS_DIR, registeredOperation } from '@hub/gateway';

/**
 * The text of one of the CLI's registered operations (schema/operations/<name>.graphql), exactly as
 * the gateway's list holds it: `hub export` is a client like any dashboard, so it runs under
 * HUB_SAFELIST=enforce.
 */
export const registered = (name: string): string => registeredOperation(path.join(CLIENT_OPERATIONS_DIR, `${name}.graphql`)).body;
