// The floor: what answering the flagship query costs without any gateway work, i.e. its subgraph
// fetches sent directly, in the order and grouping of the query plan the gateways execute. The
// plan comes from @apollo/query-planner (what @apollo/gateway runs); executing it once here
// yields the exact request bodies, entity representations included, that the floor replays.
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import {
  QueryPlanner,
  prettyFormatQueryPlan,
  type PlanNode,
  type QueryPlan,
  type QueryPlanSelectionNode,
} from '@apollo/query-planner';
import { parse } from 'graphql';

/** A fetch with its body fixed, or a group of steps run one after another or all at once. */
export type FloorStep =
  | { kind: 'fetch'; subgraph: string; body: string }
  | { kind: 'sequence' | 'parallel'; steps: FloorStep[] };

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
export type CallSubgraph = (subgraph: string, body: string) => Promise<JsonObject>;

export function queryPlanOf(supergraphSdl: string, query: string): { plan: QueryPlan; pretty: string } {
  const supergraph = Supergraph.build(supergraphSdl);
  const operation = operationFromDocument(supergraph.schema, parse(query));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  return { plan, pretty: prettyFormatQueryPlan(plan) };
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects at a plan path; `@` steps into every element of a list. */
function objectsAt(value: Json, path: readonly (string | number)[]): JsonObject[] {
  if (path.length === 0) return Array.isArray(value) ? value.flatMap((v) => objectsAt(v, path)) : isObject(value) ? [value] : [];
  const [step, ...rest] = path;
  if (step === '@') return Array.isArray(value) ? value.flatMap((v) => objectsAt(v, rest)) : [];
  return isObject(value) ? objectsAt(value[String(step)] ?? null, rest) : [];
}

/** An entity representation: the `requires` selection picked out of a fetched object. */
function pick(object: JsonObject, selections: readonly QueryPlanSelectionNode[], into: JsonObject = {}): JsonObject {
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (!selection.typeCondition || selection.typeCondition === object.__typename) pick(object, selection.selections, into);
      continue;
    }
    const value = object[selection.alias ?? selection.name];
    into[selection.name] =
      selection.selections && isObject(value) ? pick(value, selection.selections) : (value ?? null);
  }
  return into;
}

function merge(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) merge(existing, value);
    else target[key] = value;
  }
}

/**
 * Executes `node` once against the subgraphs, filling `data` as the gateway would, and returns
 * the same shape with every fetch's body fixed. Only what the flagship plan uses is supported.
 */
export async function captureFloor(node: PlanNode, call: CallSubgraph, data: JsonObject = {}, path: (string | number)[] = []): Promise<FloorStep> {
  switch (node.kind) {
    case 'Sequence': {
      const steps: FloorStep[] = [];
      for (const child of node.nodes) steps.push(await captureFloor(child, call, data, path));
      return { kind: 'sequence', steps };
    }
    case 'Parallel':
      return { kind: 'parallel', steps: await Promise.all(node.nodes.map((child) => captureFloor(child, call, data, path))) };
    case 'Flatten':
      return captureFloor(node.node, call, data, [...path, ...node.path]);
    case 'Fetch': {
      const targets = objectsAt(data, path);
      const variables = node.requires ? { representations: targets.map((t) => pick(t, node.requires ?? [])) } : {};
      const body = JSON.stringify({ query: node.operation, operationName: node.operationName, variables });
      const response = await call(node.serviceName, body);
      if (response.errors || !isObject(response.data ?? null)) {
        throw new Error(`${node.serviceName} answered the floor's capture with ${JSON.stringify(response).slice(0, 500)}`);
      }
      const answer = response.data as JsonObject;
      if (node.requires) {
        const entities = answer._entities as JsonObject[];
        targets.forEach((target, i) => merge(target, entities[i]));
      } else {
        merge(data, answer);
      }
      return { kind: 'fetch', subgraph: node.serviceName, body };
    }
    default:
      throw new Error(`The floor does not replay ${node.kind} plan nodes.`);
  }
}
