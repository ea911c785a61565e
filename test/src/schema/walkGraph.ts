import { getNamedType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { GraphQLResponse } from '../support/graphql';
import { MAX_SEEN, childrenOf, chooseArgs, remember, render, type ArgumentChooser, type Seen, type Step } from './fieldWalk';

/** Codes that say "not for you" or "not there", which a walk as any role may meet on a healthy graph. */
const EXPECTED_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'COHORT_NOT_RELEASED']);
/** graphql-js's words when a resolver's value does not fit its scalar or its non-null type. */
const SERIALISATION = /cannot represent|Value is not|Cannot return null for non-nullable/i;
/** The gateway's depth limit (gateway/src/limits/queryLimits.ts) less one level for the leaves. */
const MAX_PATH = 9;
/** Areas, initiatives and agreements sit a few levels down: enough rounds to reach them. */
const RETRY_ROUNDS = 10;

interface Pending {
  path: Step[];
  owner: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  rounds: number;
}

export interface WalkResult {
  /** `Type.field` of every object field asked (every leaf of its type was asked with it). */
  asked: string[];
  /** `Type.field` of every object field reachable from Query in this caller's schema. */
  reachable: string[];
  /** `Type.field` that could not be asked, with why. */
  skipped: string[];
  /** `Type.field` asked whose answer held no object of its type (empty list, null, or refused). */
  empty: string[];
  /** One line per broken answer: the probe, the status and the errors. */
  failures: string[];
}

export type Ask = (query: string, variables: Record<string, unknown>) => Promise<GraphQLResponse>;

/** Every object field of every type reachable from Query, as `Type.field`. */
function reachableFields(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  const types = [schema.getQueryType()!];
  const known = new Set(types.map((type) => type.name));
  for (const type of types) {
    for (const field of childrenOf(type)) {
      fields.push(`${type.name}.${field.name}`);
      const next = getNamedType(field.type) as GraphQLObjectType;
      if (known.has(next.name)) continue;
      known.add(next.name);
      types.push(next);
    }
  }
  return fields;
}

/** Why an answer counts as broken, or null when it is healthy for this caller. */
export function brokenBecause(response: GraphQLResponse): string | null {
  const errors = response.errors ?? [];
  const unexpected = errors.filter(
    (error) => !EXPECTED_CODES.has(String(error.extensions?.code)) || SERIALISATION.test(error.message),
  );
  if (response.status >= 500) return `HTTP ${response.status}`;
  if (unexpected.length) return unexpected.map((error) => `${error.extensions?.code}: ${error.message}`).join('; ');
  if (response.data === null && errors.length === 0) return 'data: null without an error';
  return null;
}

/**
 * Asks every field reachable from Query, breadth first: one probe per object field, selecting every
 * leaf of its type on the way. Required arguments come from earlier answers (`choose`); a field
 * whose argument is not known yet waits for later rounds.
 */
export async function walkGraph(schema: GraphQLSchema, ask: Ask, choose: ArgumentChooser): Promise<WalkResult> {
  const seen: Seen = new Map();
  const result: WalkResult = { asked: [], reachable: reachableFields(schema), skipped: [], empty: [], failures: [] };
  const queryType = schema.getQueryType()!;
  const visited = new Set<string>();
  const queue: Pending[] = childrenOf(queryType).map((field) => ({ path: [], owner: queryType, field, rounds: 0 }));
  queue.forEach((item) => visited.add(`${queryType.name}.${item.field.name}`));
  while (queue.length) {
    const item = queue.shift()!;
    const name = `${item.owner.name}.${item.field.name}`;
    const args = chooseArgs(item.owner, item.field, seen, choose);
    if (!args) {
      if (item.rounds < RETRY_ROUNDS) queue.push({ ...item, rounds: item.rounds + 1 });
      else result.skipped.push(`${name}: no value for a required argument`);
      continue;
    }
    const path = [...item.path, { field: item.field, args }];
    const type = getNamedType(item.field.type) as GraphQLObjectType;
    const { query, variables } = render({ path, type });
    const response = await ask(query, variables);
    result.asked.push(name);
    const broken = brokenBecause(response);
    if (broken) result.failures.push(`${name} — ${query} ${JSON.stringify(variables)} — ${broken}`);
    const before = seen.get(type.name)?.length ?? 0;
    remember(response.data, seen);
    // An empty answer (a refusal, no rows) exercises nothing below it: its children wait for
    // another path to the same type that has rows.
    if ((seen.get(type.name)?.length ?? 0) === before && before < MAX_SEEN) {
      result.empty.push(name);
      continue;
    }
    for (const child of childrenOf(type)) {
      const key = `${type.name}.${child.name}`;
      if (visited.has(key)) continue;
      visited.add(key);
      if (path.length >= MAX_PATH) result.skipped.push(`${key}: deeper than the depth limit`);
      else queue.push({ path, owner: type, field: child, rounds: 0 });
    }
  }
  return result;
}
