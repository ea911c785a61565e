import { PARTNERS, partnerSpec, type ImportMapping, type PartnerName, type PartnerSpec, type SubgraphDefinition } from '@hub/core';

const entries = new Map<PartnerName, Record<string, unknown>>();

/** What a partner's package exports from its built entry (package.json `main`). */
function entryOf(partner: PartnerSpec): Record<string, unknown> {
  const cached = entries.get(partner.name);
  if (cached) return cached;
  try {
    // Partners are discovered at run time, so their packages cannot be imported statically.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry = require(partner.directory) as Record<string, unknown>;
    entries.set(partner.name, entry);
    return entry;
  } catch (error) {
    const notBuilt =
      (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String(error).includes(partner.directory);
    throw new Error(
      notBuilt
        ? `The ${partner.name} subgraph (${partner.directory}) is not built: run npm run build.`
        : `The ${partner.name} subgraph (${partner.directory}) failed to load: ${String(error)}`,
      { cause: error },
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isDefinitionOf(value: unknown, partner: PartnerSpec): value is SubgraphDefinition<unknown> {
  return isObject(value) && value.name === partner.name && Array.isArray(value.resolvers) && typeof value.createLoaders === 'function';
}

function isMappingOf(value: unknown, partner: PartnerSpec): value is ImportMapping {
  return isObject(value) && value.partner === partner.name && isObject(value.columns) && Array.isArray(value.tables);
}

/** The one SubgraphDefinition a partner's package exports, found by its shape and name. */
function loadDefinition(partner: PartnerSpec): SubgraphDefinition<unknown> {
  const found = Object.values(entryOf(partner)).filter((value) => isDefinitionOf(value, partner));
  if (found.length !== 1) {
    throw new Error(
      `${partner.directory} must export exactly one SubgraphDefinition named "${partner.name}", found ${found.length}.`,
    );
  }
  return found[0];
}

/**
 * The import mappings a partner's package exports (e.g. `jobcentreMappings`, from its
 * `src/import/`): what `hub import <partner>` can load. None for a partner that imports nothing.
 */
export function importMappingsOf(partner: PartnerName): readonly ImportMapping[] {
  const spec = partnerSpec(partner);
  const exported = Object.values(entryOf(spec)).flatMap((value) => (Array.isArray(value) ? value : []));
  return [...new Set(exported.filter((value) => isMappingOf(value, spec)))];
}

let loaded: readonly SubgraphDefinition<unknown>[] | undefined;

/** Every partner's SubgraphDefinition, loaded from its built package on the first call. */
export function loadSubgraphs(): readonly SubgraphDefinition<unknown>[] {
  loaded ??= PARTNERS.map(loadDefinition);
  return loaded;
}

/** A read-only list whose items are computed on first use, then behave as a plain array's. */
function lazyList<T>(load: () => readonly T[]): readonly T[] {
  return new Proxy<T[]>([], {
    get: (_target, key) => Reflect.get(load(), key),
    has: (_target, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(load(), key),
  });
}

/**
 * Every partner subgraph of the hub, in the order of PARTNER_NAMES (discovered from subgraphs/).
 * Loaded on first use, not on import: a partner just made by `hub new` is not built yet, and
 * `hub new`, `hub token` or `hub --help` must not fail because of it.
 */
export const SUBGRAPHS: readonly SubgraphDefinition<unknown>[] = lazyList(loadSubgraphs);
