import { Kind, parse, print, visit, type FieldNode } from 'graphql';
import { sha256, type PersistedOperation } from './manifest';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * What Apollo Client's cache makes of an operation before sending it (`addTypenameToDocument` in
 * @apollo/client 3): `__typename` added last to every selection set except the operation's own,
 * unless the set already selects a field starting with `__`.
 */
function withTypename(body: string): string {
  const document = visit(parse(body), {
    SelectionSet(node, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'))) return undefined;
      return { ...node, selections: [...node.selections, TYPENAME] };
    },
  });
  return print(document);
}

/**
 * A registered operation as Apollo Client sends it: the text with `__typename` added, and as id its
 * persisted query link's default hash, the SHA-256 of that text. The gateway knows this form too,
 * so `createPersistedQueryLink({ sha256 })` finds a registered operation in one round trip (and
 * its cache gets the `__typename`s it asked for); the list stays the checked-in one.
 */
export function apolloClientForm(operation: PersistedOperation): PersistedOperation {
  const body = withTypename(operation.body);
  return { ...operation, id: sha256(body), body };
}
