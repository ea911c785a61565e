import request from 'supertest';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const defaultTokens = new Map<string, string>();

/** The token sent to `url` when a test names none: an analyst at the gateway, own staff at a subgraph. */
export function registerDefaultToken(url: string, token: string): void {
  defaultTokens.set(url, token);
}

/**
 * POSTs one GraphQL operation over real HTTP and returns status and body. `token` null sends
 * no Authorization header at all.
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token: string | null = defaultTokens.get(url) ?? null,
): Promise<GraphQLResponse<T>> {
  const call = request(url)
    .post('')
    .set('content-type', 'application/json')
    .set('accept', 'application/graphql-response+json, application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return { status: response.status, ...response.body };
}
