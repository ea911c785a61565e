// schema/README.md, "Nullability": a field whose value another partner must resolve is nullable, so
// that partner's failure nulls that field alone and not its holder. Checked on the composed supergraph
// from its join__type and join__field directives, which say which subgraph resolves what.
import {
  Kind,
  buildASTSchema,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** One field that breaks the rule, in words that say what to make nullable and why. */
export interface NullabilityViolation {
  /** `Type.field`, e.g. `Indicator.area`. */
  field: string;
  /** The subgraph that resolves it, by its join__Graph value, e.g. FOUNDATION. */
  subgraph: string;
  reason: string;
}

const directiveArgs = (directive: ConstDirectiveNode) =>
  Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));

const joins = (node: { directives?: readonly ConstDirectiveNode[] } | null | undefined, name: string) =>
  (node?.directives ?? []).filter((directive) => directive.name.value === name).map(directiveArgs);

/** The subgraphs that resolve a field: those of its own join__field (not external), else every subgraph of its type. */
function resolvers(type: Composite, field: GraphQLField<unknown, unknown>): { graph: string; requires?: string }[] {
  const fieldJoins = joins(field.astNode, 'join__field').filter((join) => join.graph && !join.external);
  if (joins(field.astNode, 'join__field').length > 0) return fieldJoins as { graph: string; requires?: string }[];
  return joins(type.astNode, 'join__type').map((join) => ({ graph: join.graph as string }));
}

/** Non-null fields of `type` that `graph` cannot resolve itself: another partner must answer them. */
function answeredElsewhere(type: Composite, graph: string): string[] {
  return Object.values(type.getFields())
    .filter((field) => isNonNullType(field.type) && !resolvers(type, field).some((r) => r.graph === graph))
    .map((field) => `${type.name}.${field.name}`);
}

/** Every non-null field of the supergraph whose value another subgraph than its own must resolve. */
export function nullabilityViolations(supergraphSdl: string): NullabilityViolation[] {
  const document = parse(supergraphSdl);
  // The join__ and link__ definitions are the supergraph's machinery, not the contract.
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const violations: NullabilityViolation[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type)) continue;
      const named = getNamedType(field.type);
      for (const { graph, requires } of resolvers(type, field)) {
        const name = `${type.name}.${field.name}`;
        if (requires) {
          violations.push({ field: name, subgraph: graph, reason: `needs fields other subgraphs resolve (@requires "${requires.slice(0, 60)}…")` });
        }
        const elsewhere = isObjectType(named) || isInterfaceType(named) ? answeredElsewhere(named, graph) : [];
        if (elsewhere.length > 0) {
          violations.push({ field: name, subgraph: graph, reason: `returns ${named.name}, whose non-null ${elsewhere.join(', ')} other subgraphs resolve` });
        }
      }
    }
  }
  return violations;
}

/** The supergraph with one field's type replaced, as a partner's change would compose it. */
export function withFieldType(supergraphSdl: string, typeName: string, fieldName: string, fieldType: string): string {
  const document = parse(supergraphSdl);
  const type = document.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName);
  const field = type?.kind === Kind.OBJECT_TYPE_DEFINITION ? type.fields?.find((f) => f.name.value === fieldName) : undefined;
  if (!field?.loc) throw new Error(`${typeName}.${fieldName} is not in the supergraph`);
  const { start, end } = field.type.loc!;
  return supergraphSdl.slice(0, start) + fieldType + supergraphSdl.slice(end);
}
