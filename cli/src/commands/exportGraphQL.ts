import { GATEWAY_DEFAULT_PORT } from '@hub/core';
import { EXIT_USAGE } from '../usageError';

/** Exit codes of `hub export`. */
export const EXPORT_EXIT = { OK: 0, FAILED: 1, USAGE: EXIT_USAGE } as const;

/** A refusal or an error answer of the gateway: nothing is exported. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXPORT_EXIT.FAILED,
  ) {
    super(message);
  }
}

export interface GatewayOptions {
  gateway?: string;
  token?: string;
}

/** The gateway the hub runs locally (`hub start`): GATEWAY_PORT, default 4000. */
export function defaultGatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.HUB_GATEWAY_URL || `http://localhost:${env.GATEWAY_PORT || GATEWAY_DEFAULT_PORT}/graphql`;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * Asks the gateway over HTTP with the caller's bearer token, like any client: the export gets
 * exactly what the graph answers, after the same access rules and disclosure control. Any error
 * (a partner down, a refused field) fails the whole export, so that a file never has silent holes.
 */
export async function queryGateway<T>(options: GatewayOptions, query: string, variables: Record<string, unknown>): Promise<T> {
  const token = options.token || process.env.HUB_TOKEN;
  if (!token) {
    throw new ExportError(
      'No token: give --token <jwt> or set HUB_TOKEN (development: HUB_TOKEN=$(npm run --silent token -- --role analyst)).',
      EXPORT_EXIT.USAGE,
    );
  }
  const url = options.gateway || defaultGatewayUrl();
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ExportError(`The gateway at ${url} cannot be reached (is the hub running? hub start): ${(error as Error).message}`);
  }
  const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer<T>;
  if (answer.errors?.length || !answer.data) {
    const problems = (answer.errors ?? [{ message: `HTTP ${response.status} without data` }]).map(
      (e) => `  ${e.extensions?.code ?? 'ERROR'}${e.path ? ` at ${e.path.join('.')}` : ''}: ${e.message}`,
    );
    throw new ExportError(`The gateway at ${url} answered with errors; nothing was exported:\n${problems.join('\n')}`);
  }
  return answer.data;
}
