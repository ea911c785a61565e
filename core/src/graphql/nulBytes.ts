import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from './errors';

/**
 * Where a NUL byte sits in an operation's string literals or variables, as `argument "code"` or
 * `variable $representations[0].code`; null when there is none. PostgreSQL cannot store or compare
 * a NUL in text ("invalid byte sequence"), so such input would fail as a partner error.
 */
export function nulBytePlace(document: DocumentNode, variables: Record<string, unknown> | undefined): string | null {
  let place: string | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (place === null && node.value.includes('\u0000')) place = `argument "${nearestArgument([...ancestors, parent])}"`;
    },
  });
  return place ?? variablePlace(variables, '$');
}

/** The argument a literal sits in, however deep inside lists and input objects. */
function nearestArgument(ancestors: readonly (ASTNode | readonly ASTNode[] | undefined)[]): string {
  const argument = [...ancestors].reverse().find((node) => node && 'kind' in node && node.kind === 'Argument');
  return argument && 'kind' in argument && argument.kind === 'Argument' ? argument.name.value : 'unknown';
}

function variablePlace(value: unknown, place: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? `variable ${place}` : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = variablePlace(inner, Array.isArray(value) ? `${place}[${key}]` : place === '$' ? `$${key}` : `${place}.${key}`);
    if (found) return found;
  }
  return null;
}

/** Refuses an operation with a NUL byte in any string it carries, before any resolver runs. */
export function refuseNulBytesPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const place = nulBytePlace(document, request.variables);
          if (!place) return;
          throw new GraphQLError(`The ${place} holds a NUL byte (\\u0000), which no partner can store or search for.`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
        },
      };
    },
  };
}
