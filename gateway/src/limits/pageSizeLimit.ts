import type { ApolloServerPlugin } from '@apollo/server';
import { MAX_PAGE_SIZE } from '@hub/core';
import { GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const firstArguments = new WeakMap<DocumentNode, ArgumentNode[]>();

/** The document's `first` arguments, found once per document (Apollo reuses parsed documents). */
function firstArgumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = firstArguments.get(document);
  if (!found) {
    const collected: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        if (node.name.value === 'first') collected.push(node);
      },
    });
    firstArguments.set(document, collected);
    found = collected;
  }
  return found;
}

function valueOf(argument: ArgumentNode, variables: Record<string, unknown>, operation: OperationDefinitionNode): unknown {
  const { value } = argument;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return undefined;
  const name = value.name.value;
  if (name in variables) return variables[name];
  const fallback = operation.variableDefinitions?.find((definition) => definition.variable.name.value === name)?.defaultValue;
  return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
}

/**
 * Every list that can grow is a connection whose `first` is capped (core's pagination). The
 * gateway refuses a page size beyond the cap before any partner is asked, with the error the
 * partners give (BAD_USER_INPUT, `argument: "first"`) and `max`, as HTTP 400.
 */
export function pageSizeLimit<TContext extends object>(max = MAX_PAGE_SIZE): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          for (const argument of firstArgumentsOf(document)) {
            const first = valueOf(argument, request.variables ?? {}, operation);
            if (typeof first !== 'number' || (first >= 1 && first <= max)) continue;
            throw new GraphQLError(`"first" must be between 1 and ${max}, got ${first}.`, {
              nodes: [argument],
              extensions: { code: 'BAD_USER_INPUT', argument: 'first', max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
