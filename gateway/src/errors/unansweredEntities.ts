import { Kind, parse, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import type { NullOnFailure } from './nullOnFailure';

type Entity = Record<string, null>;

function entitiesField(document: DocumentNode): FieldNode | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.selectionSet.selections.find(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
}

/** The fields a selection set asks of an entity of type `typename`, through the fragments on that type. */
function fieldsFor(set: SelectionSetNode, typename: string, document: DocumentNode): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection];
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    if (!fragment || !('selectionSet' in fragment) || !fragment.selectionSet) return [];
    const condition = 'typeCondition' in fragment ? fragment.typeCondition?.name.value : undefined;
    return condition === undefined || condition === typename ? fieldsFor(fragment.selectionSet, typename, document) : [];
  });
}

/** An entity the partner did not answer: null for each field asked that `nullOnFailure` names. */
function unansweredEntity(set: SelectionSetNode, typename: string, document: DocumentNode, nullOnFailure: NullOnFailure): Entity {
  const asked = fieldsFor(set, typename, document).filter((field) => nullOnFailure(typename, field.name.value));
  return Object.fromEntries(asked.map((field) => [field.alias?.value ?? field.name.value, null]));
}

/**
 * What a failed `_entities` fetch answers instead of no data: for each representation, null for
 * each field it asked that `nullOnFailure` names (any other stays missing, as before). The
 * gateway builds a later fetch's `@requires` representations from these fields and drops an
 * entity missing one, so without them a field that needs several partners' fields (an
 * indicator's value needs every owner's reading) would be lost for every entity when one partner
 * fails; with them, the later fetch gets null for the failed partner's part only. Undefined for
 * a fetch that is not an entity fetch.
 */
export function unansweredEntities(
  query: string,
  representations: unknown,
  nullOnFailure: NullOnFailure,
): { _entities: Entity[] } | undefined {
  if (!Array.isArray(representations)) return undefined;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const set = entitiesField(document)?.selectionSet;
  if (!set) return undefined;
  return {
    _entities: representations.map((representation: { __typename?: unknown }) =>
      unansweredEntity(set, String(representation?.__typename), document, nullOnFailure),
    ),
  };
}
