import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

type Path = (string | number)[];

/** Whether the client's schema has `type.field` (the planner also asks partners for `@inaccessible` ones). */
export type IsVisible = (type: string, field: string) => boolean;

/** A field of a fetch, with the type it was asked on when a fragment names it. */
interface AskedField {
  field: FieldNode;
  type?: string;
}

const fragmentNamed = (document: DocumentNode, name: string) =>
  document.definitions.find(
    (definition): definition is FragmentDefinitionNode =>
      definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
  );

const anyField = () => true;

/** The first field of `set` (through its fragments) but `__typename` that `accept` accepts. */
function firstField(
  set: SelectionSetNode | undefined,
  document: DocumentNode,
  accept: (asked: AskedField) => boolean = anyField,
  type?: string,
): AskedField | undefined {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename' && accept({ field: selection, type })) return { field: selection, type };
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragmentNamed(document, selection.name.value);
    const asked = firstField(fragment?.selectionSet, document, accept, fragment?.typeCondition?.name.value ?? type);
    if (asked) return asked;
  }
  return undefined;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * The path, in the subgraph fetch's own terms, of the first field a failed fetch would have
 * filled: `[field]` for a root fetch, `['_entities', 0, field]` for an entity fetch. The
 * gateway's executor turns it into the path in the client's answer (the first entity's). Only
 * fields of the client's schema count (`isVisible`): an internal one (e.g. an owner's indicator
 * reading) would name a path the client cannot ask. Undefined when the fetch filled none; the
 * error's partner still says whose data is missing. Parsed only when a fetch failed, so the usual path
 * pays nothing.
 */
export function failurePath(fetchQuery: string, isVisible?: IsVisible): Path | undefined {
  let document: DocumentNode;
  try {
    document = parse(fetchQuery);
  } catch {
    return undefined;
  }
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const root = operation && firstField(operation.selectionSet, document)?.field;
  if (!root) return undefined;
  if (root.name.value !== '_entities') return [responseKey(root)];
  if (!firstField(root.selectionSet, document)) return ['_entities', 0];
  const visible = ({ field, type }: AskedField) => !isVisible || !type || isVisible(type, field.name.value);
  const asked = firstField(root.selectionSet, document, visible);
  return asked ? ['_entities', 0, responseKey(asked.field)] : undefined;
}
