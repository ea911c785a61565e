import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type StringValueNode } from 'graphql';

/** Where a NUL was found: `name` is an argument (`code`, `definition.area`) or a variable (`$d.area`). */
interface Found {
  name: string;
  node?: StringValueNode;
}

const inDocument = new WeakMap<DocumentNode, Found | null>();

/** The first string literal of the document holding a NUL, by the argument (or variable default) it is in. */
function nulInDocument(document: DocumentNode): Found | null {
  if (inDocument.has(document)) return inDocument.get(document)!;
  const names: string[] = [];
  const leave = () => void names.pop();
  let found = null as Found | null;
  visit(document, {
    VariableDefinition: { enter: (node) => void names.push(`$${node.variable.name.value}`), leave },
    Argument: { enter: (node) => void names.push(node.name.value), leave },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave },
    StringValue(node) {
      if (!node.value.includes('\0')) return undefined;
      found = { name: names.join('.'), node };
      return BREAK;
    },
  });
  inDocument.set(document, found);
  return found;
}

/** The path of the first string holding a NUL inside a variable's value (`d.area`, `ids.2`). */
function nulInValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulInValue(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function refusal({ name, node }: Found): GraphQLError {
  const variable = name.startsWith('$');
  const message = `The ${variable ? 'variable' : 'argument'} "${name}" holds a NUL character (\\u0000), which no text of the hub can contain.`;
  const extensions = { code: 'BAD_USER_INPUT', [variable ? 'variable' : 'argument']: variable ? name.slice(1) : name, http: { status: 400 } };
  return new GraphQLError(message, { nodes: node ? [node] : undefined, extensions });
}

/**
 * No text a partner stores can hold a NUL (PostgreSQL refuses it with "invalid byte sequence"), so
 * the gateway refuses a string argument or variable holding one as BAD_USER_INPUT, 400, naming
 * it, before any partner is asked: a client's mistake is never reported as a partner's failure.
 */
export function refuseNulCharacters<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const literal = nulInDocument(document);
          if (literal) throw refusal(literal);
          for (const [variable, value] of Object.entries(request.variables ?? {})) {
            const path = nulInValue(value, `$${variable}`);
            if (path) throw refusal({ name: path });
          }
        },
      };
    },
  };
}
