import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import type { SchemaChange } from './check';

function printKey(directive: ConstDirectiveNode): string {
  const fields = directive.arguments?.find((argument) => argument.name.value === 'fields');
  const resolvable = directive.arguments?.find((argument) => argument.name.value === 'resolvable');
  const fieldSet = fields?.value.kind === Kind.STRING ? fields.value.value.trim().replace(/\s+/g, ' ') : '';
  const notResolvable = resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value;
  return `@key(fields: "${fieldSet}"${notResolvable ? ', resolvable: false' : ''})`;
}

/** The `@key`s of each entity type in a subgraph, as printed text. */
function keysByType(document: DocumentNode): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const set = keys.get(definition.name.value) ?? new Set<string>();
    for (const directive of definition.directives ?? []) {
      if (directive.name.value === 'key') set.add(printKey(directive));
    }
    keys.set(definition.name.value, set);
  }
  return keys;
}

/**
 * Key changes of the types present in both versions. A key taken away (or made unresolvable)
 * is breaking: the gateway and the other partners reach this partner's part of the entity
 * through it. A key added is safe.
 */
export function keyChanges(partner: string, oldSdl: string, newSdl: string): SchemaChange[] {
  const before = keysByType(parse(oldSdl));
  const after = keysByType(parse(newSdl));
  const changes: SchemaChange[] = [];
  for (const [typeName, oldKeys] of before) {
    const newKeys = after.get(typeName);
    if (!newKeys) continue;
    const removed = [...oldKeys].filter((key) => !newKeys.has(key));
    const added = [...newKeys].filter((key) => !oldKeys.has(key));
    const reason = `The gateway and other subgraphs fetch ${partner}'s fields of ${typeName} by its keys; a query plan that uses the old key fails.`;
    if (removed.length > 0 && added.length > 0) {
      changes.push({
        scope: 'subgraph',
        criticality: 'BREAKING',
        type: 'KEY_CHANGED',
        path: `${typeName}.@key`,
        message: `Key of '${typeName}' changed from ${removed.join(' ')} to ${added.join(' ')}`,
        reason,
      });
      continue;
    }
    for (const key of removed) {
      changes.push({
        scope: 'subgraph',
        criticality: 'BREAKING',
        type: 'KEY_REMOVED',
        path: `${typeName}.@key`,
        message: `Key ${key} was removed from '${typeName}'${newKeys.size === 0 ? `: ${typeName} is no longer an entity in ${partner}` : ''}`,
        reason,
      });
    }
    for (const key of added) {
      changes.push({
        scope: 'subgraph',
        criticality: 'SAFE',
        type: 'KEY_ADDED',
        path: `${typeName}.@key`,
        message: `Key ${key} was added to '${typeName}'`,
      });
    }
  }
  return changes;
}
