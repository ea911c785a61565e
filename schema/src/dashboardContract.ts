import { Kind, parse, print, visit, type ConstDirectiveNode, type DirectiveNode } from 'graphql';
import type { SubgraphSdl } from './composeSupergraph';

/** What the dashboard contract leaves out: person-level elements and the partners' audit logs. */
export const HIDDEN_FROM_DASHBOARDS = ['person-level', 'audit'];

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
  return { ...node, directives: [...(node.directives ?? []), INACCESSIBLE] };
}

/**
 * The dashboard audience's subgraph: every element tagged person-level or audit made
 * `@inaccessible`, in the spirit of GraphOS contracts built from `@tag`. Composed, it gives a
 * supergraph whose API schema has no person-level type or field at all, not even in introspection.
 */
export function dashboardSubgraph(subgraph: SubgraphSdl): SubgraphSdl {
  const document = visit(parse(subgraph.sdl), {
    ObjectTypeDefinition: hide,
    ObjectTypeExtension: hide,
    FieldDefinition: hide,
  });
  return { ...subgraph, sdl: print(document) };
}
