// The one way the dashboard talks to the hub: a POST to the GraphQL endpoint with the caller's token,
// exactly as any outside dashboard would. Copy this file to start your own.
// Every operation it sends is a named, static .graphql file in operations/ (variables, never text
// built in code), registered in the hub's safelist by `npm run operations`: a gateway that runs
// registered operations only (HUB_SAFELIST=enforce) serves this page like any other.

/** One entry of a GraphQL response's `errors`, with the hub's machine-readable `extensions.code`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A request that gave no data at all: a refused token, a query the schema does not allow, a hub that is down. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first error, e.g. UNAUTHENTICATED or GRAPHQL_VALIDATION_FAILED; NETWORK_ERROR when nothing answered. */
    readonly code: string,
    readonly errors: readonly GraphQLErrorEntry[] = [],
  ) {
    super(message);
  }
}

/** The data, and the errors of the fields that failed while the rest still answered (e.g. NOT_FOUND, FORBIDDEN). */
export interface GraphQLResult<T> {
  data: T;
  errors: readonly GraphQLErrorEntry[];
}

const endpoint = document.body.dataset.endpoint ?? '/graphql';
let bearerToken: string | undefined;

export const graphqlEndpoint = (): string => new URL(endpoint, location.href).href;

export function useToken(token: string): void {
  bearerToken = token;
}

/** Posts one registered operation (imported from operations/); throws `GraphQLRequestError` when no data came back, returns partial data with its errors. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new GraphQLRequestError(`The hub did not answer: ${String(error)}`, 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLErrorEntry[] };
  const errors = body.errors ?? [];
  if (body.data == null) {
    const first = errors[0];
    throw new GraphQLRequestError(
      first?.message ?? `The hub answered HTTP ${response.status} without data`,
      first?.extensions?.code ?? `HTTP_${response.status}`,
      errors,
    );
  }
  return { data: body.data, errors };
}
