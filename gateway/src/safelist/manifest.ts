import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** One registered operation, as in Apollo's persisted query manifest. */
export interface PersistedOperation {
  /** SHA-256 (hex) of `body`: what a client sends as `extensions.persistedQuery.sha256Hash` or `documentId`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The operation and the fragments it uses, printed by graphql-js. */
  body: string;
}

/** Apollo's persisted query list format (`@apollo/generate-persisted-query-manifest`). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The fragments an operation spreads, directly or through other fragments. */
function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, source: string) {
  const used = new Map<string, FragmentDefinitionNode>();
  const follow = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) {
          throw new Error(`${source}: operation ${operation.name?.value} spreads fragment ${spread.name.value}, which no registered file defines`);
        }
        if (used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        follow(fragment);
      },
    });
  follow(operation);
  return [...used.values()];
}

const fragmentsIn = (document: DocumentNode) =>
  document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);

/**
 * Every named operation of one .graphql document; `source` names the file in errors. Its fragments
 * come from `fragments` (by default the document's own).
 */
export function operationsOf(
  document: DocumentNode,
  source: string,
  fragments = new Map(fragmentsIn(document).map((fragment) => [fragment.name.value, fragment])),
): PersistedOperation[] {
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      if (!operation.name) throw new Error(`${source}: every registered operation needs a name`);
      const definitions = [operation, ...fragmentsUsedBy(operation, fragments, source)];
      const body = print({ kind: Kind.DOCUMENT, definitions });
      return { id: sha256(body), name: operation.name.value, type: operation.operation, body };
    });
}

/**
 * The operations of each `.graphql` file in `directories`, by the file's absolute path. A fragment
 * may be spread from any of the files (e.g. one file of shared fragments), so its name must be unique.
 */
function operationsByFile(directories: readonly string[]): Map<string, PersistedOperation[]> {
  const files = directories.flatMap((directory) =>
    readdirSync(directory)
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => {
        const source = path.resolve(directory, name);
        return { source, document: parse(readFileSync(source, 'utf8')) };
      }),
  );
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { source, document } of files) {
    for (const fragment of fragmentsIn(document)) {
      if (fragments.has(fragment.name.value)) throw new Error(`${source}: fragment ${fragment.name.value} is defined twice among the registered files`);
      fragments.set(fragment.name.value, fragment);
    }
  }
  return new Map(files.map(({ source, document }) => [source, operationsOf(document, source, fragments)]));
}

/** The manifest of every operation in the `.graphql` files of `directories`; names must be unique. */
export function buildManifest(directories: readonly string[]): PersistedQueryManifest {
  const operations = [...operationsByFile(directories).values()].flat();
  const names = operations.map((operation) => operation.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length) throw new Error(`Operation names must be unique across the registered files: ${twice.join(', ')}`);
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** Reads a manifest file, refusing anything that is not Apollo's format with consistent ids. */
export function readManifest(file: string): PersistedQueryManifest {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as PersistedQueryManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new Error(`${file} is not an apollo-persisted-query-manifest`);
  }
  for (const operation of manifest.operations) {
    if (operation.id !== sha256(operation.body)) {
      throw new Error(`${file}: the id of operation ${operation.name} is not the SHA-256 of its body`);
    }
  }
  return manifest;
}

const SCHEMA_DIR = path.resolve(__dirname, '../../../schema');

/** The hub's own web dashboard registers its operations here, one a file (gateway/dashboard/operations). */
export const DASHBOARD_OPERATIONS_DIR = path.resolve(__dirname, '../../dashboard/operations');

/** Other clients register theirs here: dashboards of the partners, and the hub's CLI (`hub export`). */
export const CLIENT_OPERATIONS_DIR = path.join(SCHEMA_DIR, 'operations');

/** The hub's registered operations: its own examples, its dashboard's, and the files other clients add. */
export const OPERATION_DIRS = [path.join(SCHEMA_DIR, 'examples'), DASHBOARD_OPERATIONS_DIR, CLIENT_OPERATIONS_DIR];

/** Generated from OPERATION_DIRS by `npm run operations`, checked in, read by the gateway at start. */
export const MANIFEST_PATH = path.join(SCHEMA_DIR, 'persisted-operations.json');

/**
 * The one operation of a registered `.graphql` file, exactly as the manifest lists it: what the
 * hub's dashboard bundles and sends (gateway/dashboard/build.mjs). A file not in OPERATION_DIRS is
 * refused: an operation the gateway does not register would be refused under HUB_SAFELIST=enforce.
 */
export function registeredOperation(file: string): PersistedOperation {
  const operations = operationsByFile(OPERATION_DIRS).get(path.resolve(file));
  if (!operations) throw new Error(`${file} is not in a directory of registered operations (${OPERATION_DIRS.join(', ')})`);
  if (operations.length !== 1) throw new Error(`${file}: a file imported as an operation holds exactly one, found ${operations.length}`);
  return operations[0];
}
