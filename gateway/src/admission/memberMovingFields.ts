import { Kind, parse, visit, type FieldDefinitionNode } from 'graphql';

/** The field of a cohort release that lists pseudonyms (core/src/cohort/CohortEntity.ts). */
const MEMBERS_FIELD = 'members';

function selectsMembers(fieldSet: string): boolean {
  let found = false;
  visit(parse(`{ ${fieldSet} }`), {
    Field(node) {
      if (node.name.value === MEMBERS_FIELD) found = true;
    },
  });
  return found;
}

/** The `requires:` field sets of a field's `@join__field` directives in the supergraph. */
function requiredFieldSets(field: FieldDefinitionNode): string[] {
  return (field.directives ?? [])
    .filter((directive) => directive.name.value === 'join__field')
    .flatMap((directive) => directive.arguments ?? [])
    .filter((argument) => argument.name.value === 'requires' && argument.value.kind === Kind.STRING)
    .map((argument) => (argument.value as { value: string }).value);
}

/**
 * The fields (`Type.field`) whose partner is sent a cohort's members: those whose `@requires`
 * selects a release's `members`. Such a field makes the gateway hold thousands of pseudonyms per
 * request for as long as the plan runs; read from the supergraph, so new measures count too.
 */
export function memberMovingFields(supergraphSdl: string): Set<string> {
  const fields = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      if (requiredFieldSets(field).some(selectsMembers)) fields.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return fields;
}
