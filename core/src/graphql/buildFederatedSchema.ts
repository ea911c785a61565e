import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { enforceAccess } from '../auth/access';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

/**
 * Access rules travel as the hub's own `@hubScopes` directive, composed into the supergraph with
 * `@composeDirective`: Federation's `@requiresScopes` is a SECURITY feature that @apollo/gateway
 * refuses to load because it cannot enforce it. Every subgraph enforces its rules itself.
 */
const FEDERATION_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.5"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@composeDirective"]
  )
  @link(url: "https://specs.partner-data-hub.dk/access/v0.1", import: ["@hubScopes"])
  @composeDirective(name: "@hubScopes")

"""Rights needed to read the field: any one of the lists, all scopes within it."""
directive @hubScopes(scopes: [[String!]!]!) on FIELD_DEFINITION`;

/** Resolves an entity from the fields of its key; may answer null when it does not exist. */
export type ReferenceResolver<TContext> = (
  reference: Record<string, unknown>,
  context: TContext,
) => unknown;

export interface FederatedSchemaOptions<TContext> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  references: Record<string, ReferenceResolver<TContext>>;
}

/** The subgraph's SDL as type-graphql prints it, with the Federation 2 link. */
export async function buildSubgraphSdl<TContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<{ sdl: string; schema: GraphQLSchema }> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Entities without root fields are legal in a subgraph; type-graphql's check would refuse them.
    skipCheck: true,
    validate: false,
  });
  return { sdl: `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`, schema };
}

/** type-graphql classes in, an Apollo Federation 2 subgraph schema out. */
export async function buildFederatedSchema<TContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<GraphQLSchema> {
  const { sdl, schema } = await buildSubgraphSdl(options);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.references)) {
    const typeResolvers = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...typeResolvers, __resolveReference: resolveReference };
  }
  return enforceAccess(buildSubgraphSchema({ typeDefs: gql(sdl), resolvers }));
}
