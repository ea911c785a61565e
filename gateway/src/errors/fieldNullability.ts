import { Kind, parse, type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

/** Whether a subgraph's field `type.field` may be null in that subgraph's own schema. */
export type IsNullable = (type: string, field: string) => boolean;

const argument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.STRING || value?.kind === Kind.ENUM ? value.value : undefined;
};

const directivesNamed = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((directive) => directive.name.value === name);

/** Subgraph name → its value of the supergraph's `join__Graph` enum (e.g. volunteer-centre → VOLUNTEER_CENTRE). */
function graphValues(document: DocumentNode): Map<string, string> {
  const values = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      for (const graph of directivesNamed(value, 'join__graph')) values.set(argument(graph, 'name') ?? '', value.name.value);
    }
  }
  return values;
}

const FIELD_HOLDERS: readonly Kind[] = [
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
];

type FieldHolder = Extract<DefinitionNode, { fields?: readonly FieldDefinitionNode[] }>;

const holdsFields = (definition: DefinitionNode): definition is FieldHolder => FIELD_HOLDERS.includes(definition.kind);

/**
 * A field's nullability in one subgraph, read from the supergraph: the supergraph's type, unless
 * composition recorded the subgraph's own (`@join__field(graph:, type:)`, written when they differ).
 */
function isNullableIn(field: FieldDefinitionNode, graph: string | undefined): boolean {
  const own = directivesNamed(field, 'join__field').find((directive) => argument(directive, 'graph') === graph);
  const typeInSubgraph = own && argument(own, 'type');
  return typeInSubgraph ? !typeInSubgraph.endsWith('!') : field.type.kind !== Kind.NON_NULL_TYPE;
}

/**
 * The nullability of every subgraph's fields, from the supergraph SDL (parsed once, without
 * building a schema: the gateway already builds one, and extracting subgraphs costs ~1 s).
 */
export function fieldNullability(supergraphSdl: string): (subgraph: string) => IsNullable {
  const document = parse(supergraphSdl);
  const graphs = graphValues(document);
  return (subgraph) => {
    const graph = graphs.get(subgraph);
    const nullable = new Set<string>();
    for (const definition of document.definitions.filter(holdsFields)) {
      for (const field of definition.fields ?? []) {
        if (isNullableIn(field, graph)) nullable.add(`${definition.name.value}.${field.name.value}`);
      }
    }
    return (type, field) => nullable.has(`${type}.${field}`);
  };
}
