import { composeServices } from '@apollo/composition';
import { buildSubgraphSdl, partnerSpec, schemaOptionsOf, type SubgraphDefinition } from '@hub/core';
import gql from 'graphql-tag';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** The SDL a subgraph serves, built from its type-graphql classes without a database. */
export async function subgraphSdl(definition: SubgraphDefinition<unknown>): Promise<SubgraphSdl> {
  const { sdl } = await buildSubgraphSdl(schemaOptionsOf(definition));
  const url = `http://localhost:${partnerSpec(definition.name).defaultPort}/graphql`;
  return { name: definition.name, url, sdl };
}

/**
 * Composes the supergraph with Apollo's composition library. Errors come back in plain words,
 * one per line, each naming what composition named (subgraph, type, field).
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: gql(sdl) })),
  );
  if (result.errors) {
    const lines = result.errors.map((error) => `- [${String(error.extensions.code)}] ${error.message}`);
    throw new Error(`The subgraphs do not compose:\n${lines.join('\n')}`);
  }
  return result.supergraphSdl;
}
