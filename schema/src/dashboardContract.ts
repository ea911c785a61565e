import { Kind, parse, print, visit, type ConstDirectiveNode, type DirectiveNode, type FieldDefinitionNode, type NameNode } from 'graphql';
import type { SubgraphSdl } from './composeSupergraph';

/** What the dashboard contract leaves out: person-level elements, the partners' audit logs, the registry's changes. */
export const HIDDEN_FROM_DASHBOARDS = ['person-level', 'audit', 'registry'];

const INACCESSIBLE: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } };

function isHidden(directives: readonly DirectiveNode[] | undefined): boolean {
  return (directives ?? []).some(
    (directive) =>
      directive.name.value === 'tag' &&
      directive.arguments?.some(
        (arg) => arg.name.value === 'name' && arg.value.kind === Kind.STRING && HIDDEN_FROM_DASHBOARDS.includes(arg.value.value),
      ),
  );
}

function hide<T extends { directives?: readonly ConstDirectiveNode[] }>(node: T): T | undefined {
  if (!isHidden(node.directives)) return undefined;
  return inaccessible(node);
}

function inaccessible<T extends { directives?: readonly ConstDirectiveNode[] }>(node: T): T {
  return { ...node, directives: [...(node.directives ?? []), INACCESSIBLE] };
}

type TypeNode = { name: NameNode; directives?: readonly ConstDirectiveNode[]; fields?: readonly FieldDefinitionNode[] };

/**
 * A tagged type is hidden, and so is one whose fields are all hidden (such as the Mutation root,
 * whose fields are all registry changes): composition refuses a visible type without a visible
 * field. Not the Query root, which every API schema must have (the other subgraphs give it fields).
 */
function hideType<T extends TypeNode>(node: T): T | undefined {
  const fields = node.fields ?? [];
  const allHidden = node.name.value !== 'Query' && fields.length > 0 && fields.every((field) => isHidden(field.directives));
  if (isHidden(node.directives) || allHidden) {
    return inaccessible(node);
  }
  return undefined;
}

/**
 * The dashboard audience's subgraph: every element tagged person-level, audit or registry made
 * `@inaccessible`, in the spirit of GraphOS contracts built from `@tag`. Composed, it gives a
 * supergraph whose API schema has no person-level type or field at all, not even in introspection.
 */
export function dashboardSubgraph(subgraph: SubgraphSdl): SubgraphSdl {
  const document = visit(parse(subgraph.sdl), {
    ObjectTypeDefinition: hideType,
    ObjectTypeExtension: hideType,
    InputObjectTypeDefinition: hide,
    FieldDefinition: hide,
  });
  return { ...subgraph, sdl: print(document) };
}
