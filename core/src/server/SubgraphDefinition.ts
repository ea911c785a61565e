import type { NonEmptyArray } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { createAuditResolver } from '../audit/createAuditResolver';
import type { FederatedSchemaOptions, ReferenceResolver } from '../graphql/buildFederatedSchema';
import type { PartnerName } from '../partners';
import type { World } from '../seed/world';
import type { RequestContext } from './context';

/** Everything that makes one partner's subgraph; the mechanics around it live in core. */
export interface SubgraphDefinition<TLoaders> {
  name: PartnerName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  entities: Function[];
  /** The partner's own migrations; the shared tables' migration is added by core. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  migrations: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  resolvers: NonEmptyArray<Function>;
  /**
   * Types no root field reaches, such as the stubs of entities owned by another partner that
   * this subgraph extends (`LineOfAction`, `Person`...): type-graphql leaves them out otherwise.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type; each must go through a loader of the request. */
  references: Record<string, ReferenceResolver<RequestContext<TLoaders>>>;
  createLoaders(db: DataSource): TLoaders;
  /** Writes this partner's slice of the synthetic world (inside the seeding transaction). */
  seed(manager: EntityManager, world: World): Promise<void>;
}

export type SubgraphContext<TDefinition> =
  TDefinition extends SubgraphDefinition<infer L> ? RequestContext<L> : never;

/**
 * What type-graphql builds for a subgraph: the partner's own resolvers plus the mechanisms every
 * partner has, such as its administrators' view of its audit log.
 */
export function schemaOptionsOf<L>(definition: SubgraphDefinition<L>): FederatedSchemaOptions<RequestContext<L>> {
  return { ...definition, resolvers: [...definition.resolvers, createAuditResolver(definition.name)] };
}
