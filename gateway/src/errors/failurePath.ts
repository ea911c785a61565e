import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

type Path = (string | number)[];

const fragmentNamed = (document: DocumentNode, name: string) =>
  document.definitions.find(
    (definition): definition is FragmentDefinitionNode =>
      definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
  );

function firstField(set: SelectionSetNode | undefined, document: DocumentNode): FieldNode | undefined {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') return selection;
      continue;
    }
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragmentNamed(document, selection.name.value)?.selectionSet;
    const field = firstField(inner, document);
    if (field) return field;
  }
  return undefined;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * The path, in the subgraph fetch's own terms, of the first field a failed fetch would have
 * filled: `[field]` for a root fetch, `['_entities', 0, field]` for an entity fetch. The
 * gateway's executor turns it into the path in the client's answer (the first entity's).
 * Parsed only when a fetch failed, so the usual path pays nothing.
 */
export function failurePath(fetchQuery: string): Path | undefined {
  let document: DocumentNode;
  try {
    document = parse(fetchQuery);
  } catch {
    return undefined;
  }
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const root = operation && firstField(operation.selectionSet, document);
  if (!root) return undefined;
  if (root.name.value !== '_entities') return [responseKey(root)];
  const field = firstField(root.selectionSet, document);
  return field ? ['_entities', 0, responseKey(field)] : ['_entities', 0];
}
