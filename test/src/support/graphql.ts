import request from 'supertest';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs one GraphQL operation over real HTTP and returns status and body. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await request(url)
    .post('')
    .set('content-type', 'application/json')
    .set('accept', 'application/graphql-response+json, application/json')
    .send({ query, variables });
  return { status: response.status, ...response.body };
}
