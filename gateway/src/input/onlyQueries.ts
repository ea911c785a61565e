import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The code of an operation type the caller's graph does not have (subscriptions; mutations in the dashboards' graph). */
export const OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED';

/**
 * The hub's graph has no subscription root type, and the dashboards' graph no mutation root type
 * either (only the secretariat changes the registry). graphql-js 16 does not validate that
 * (the specification's "Operation Type Existence"), and the gateway's query planner then fails with
 * a 500; so the operation chosen to run is refused here, 400 with its own code, before anything is
 * planned. Only that operation: a query beside a mutation in one document still runs, and a
 * mutation over GET still gets Apollo's 405 (checked before this hook).
 */
export function onlyQueries<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (!operation || schema.getRootType(operation.operation)) return;
          throw new GraphQLError(`The hub's graph has no ${operation.operation}s: it answers queries only.`, {
            nodes: [operation],
            extensions: { code: OPERATION_NOT_SUPPORTED, http: { status: 400 } },
          });
        },
      };
    },
  };
}
