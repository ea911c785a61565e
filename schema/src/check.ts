import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { PartnerName } from '@hub/core';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { subgraphSdl, type SubgraphSdl } from './composeSupergraph';
import { composeSubgraphs, type CompositionProblem } from './composition';
import { dashboardSubgraph } from './dashboardContract';
import { keyChanges } from './keyChanges';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from './paths';
import { SUBGRAPHS } from './subgraphs';

/** How bad a change is for the clients and partners already using the graph. */
export type Criticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/**
 * Which schema a change was found in:
 * - `api`: the supergraph's API schema, what every client can query;
 * - `dashboard`: the dashboard contract's API schema (what `dashboard` tokens are served), only
 *   changes not already found in `api`;
 * - `subgraph`: the partner's own subgraph schema (keys, federation directives, access rules),
 *   only changes not already found in the API schemas.
 */
export type ChangeScope = 'api' | 'dashboard' | 'subgraph';

export interface SchemaChange {
  scope: ChangeScope;
  criticality: Criticality;
  /** graphql-inspector's change type (`FIELD_REMOVED`, ...) or the hub's `KEY_ADDED`, `KEY_REMOVED`, `KEY_CHANGED`. */
  type: string;
  /** Schema coordinate, e.g. `LineOfAction.partTimeJobShare.on`. */
  path: string;
  message: string;
  /** Why it is breaking or dangerous, when the diff says. */
  reason?: string;
}

export interface CheckReport {
  partner: string;
  /** True when the supergraph and its dashboard contract compose with the proposed schema in place of the partner's. */
  composed: boolean;
  compositionErrors: CompositionProblem[];
  hints: CompositionProblem[];
  changes: SchemaChange[];
  breaking: number;
  dangerous: number;
  safe: number;
  /** Safe to deploy: it composes and nothing is breaking. */
  ok: boolean;
}

export interface CheckInput {
  partner: string;
  /** The partner's proposed subgraph SDL. */
  proposedSdl: string;
  /** Every subgraph as it composes today, the partner's included. */
  current: readonly SubgraphSdl[];
  /** The supergraph clients use today (the checked-in `schema/supergraph.graphql`). */
  supergraphSdl: string;
  /** The dashboard contract today (`schema/supergraph.dashboard.graphql`); skipped when absent. */
  dashboardSupergraphSdl?: string;
}

const CRITICALITY: Record<CriticalityLevel, Criticality> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

const ORDER: Record<Criticality, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** A subgraph SDL as a plain schema (federation directives kept as they are written), or undefined if it has unknown types. */
function subgraphSchemaOf(sdl: string): GraphQLSchema | undefined {
  try {
    return buildASTSchema(parse(sdl), { assumeValidSDL: true });
  } catch {
    return undefined;
  }
}

function toChange(scope: ChangeScope, change: Change): SchemaChange {
  return {
    scope,
    criticality: CRITICALITY[change.criticality.level],
    type: change.type,
    path: change.path ?? '',
    message: change.message,
    ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
  };
}

/** True for graphql-inspector's directive-usage changes about `@key`: the hub reports keys itself, in clearer words. */
function isKeyUsageChange(change: Change): boolean {
  const meta = change.meta as Record<string, unknown>;
  return [meta.directiveName, meta.addedDirectiveName, meta.removedDirectiveName].includes('key');
}

/**
 * graphql-inspector reports a directive added or removed and, beside it, each of its arguments
 * added or removed; the arguments of a directive that came or went are dropped here.
 */
function withoutArgumentsOfMovedDirectives(changes: readonly SchemaChange[]): SchemaChange[] {
  const moved = new Set(
    changes
      .filter((change) => /^DIRECTIVE_USAGE_.*_(ADDED|REMOVED)$/.test(change.type) && !change.type.startsWith('DIRECTIVE_USAGE_ARGUMENT_'))
      .map((change) => `${change.scope} ${change.path}`),
  );
  return changes.filter((change) => {
    if (change.type !== 'DIRECTIVE_USAGE_ARGUMENT_ADDED' && change.type !== 'DIRECTIVE_USAGE_ARGUMENT_REMOVED') return true;
    const directivePath = change.path.slice(0, change.path.lastIndexOf('.'));
    return !moved.has(`${change.scope} ${directivePath}`);
  });
}

function isParsable(sdl: string): boolean {
  try {
    parse(sdl);
    return true;
  } catch {
    return false;
  }
}

function tally(report: Omit<CheckReport, 'breaking' | 'dangerous' | 'safe' | 'ok'>): CheckReport {
  const count = (criticality: Criticality) =>
    report.changes.filter((change) => change.criticality === criticality).length;
  const breaking = count('BREAKING');
  return {
    ...report,
    changes: [...report.changes].sort(
      (a, b) => ORDER[a.criticality] - ORDER[b.criticality] || a.path.localeCompare(b.path),
    ),
    breaking,
    dangerous: count('DANGEROUS'),
    safe: count('SAFE'),
    ok: report.composed && breaking === 0,
  };
}

/**
 * Checks a partner's proposed subgraph schema before deploy: composes the supergraph with the
 * proposed SDL in place of the partner's (an error there is a failure), then diffs with
 * graphql-inspector the API schema clients query today against the new one (and the dashboard
 * contract's), and the partner's own subgraph as it composes today against the proposed one,
 * so that key changes and federation directives show.
 */
export async function checkSubgraphSchema(input: CheckInput): Promise<CheckReport> {
  const { partner, proposedSdl, current } = input;
  const existing = current.find((subgraph) => subgraph.name === partner);
  if (!existing) {
    throw new Error(`Unknown partner "${partner}"; expected one of ${current.map((s) => s.name).join(', ')}`);
  }
  const proposed: SubgraphSdl = { ...existing, sdl: proposedSdl };
  const subgraphs = current.map((subgraph) => (subgraph.name === partner ? proposed : subgraph));

  const composition = composeSubgraphs(subgraphs);
  const compositionErrors = [...composition.errors];
  const changes: SchemaChange[] = [];
  const seen = new Set<string>();
  const add = (change: SchemaChange) => {
    const id = `${change.type} ${change.path}`;
    if (seen.has(id)) return;
    seen.add(id);
    changes.push(change);
  };

  if (composition.supergraphSdl !== undefined) {
    for (const change of await diff(apiSchemaOf(input.supergraphSdl), apiSchemaOf(composition.supergraphSdl))) {
      add(toChange('api', change));
    }
    if (input.dashboardSupergraphSdl !== undefined) {
      const dashboard = composeSubgraphs(subgraphs.map(dashboardSubgraph));
      if (dashboard.supergraphSdl !== undefined) {
        const before = apiSchemaOf(input.dashboardSupergraphSdl);
        for (const change of await diff(before, apiSchemaOf(dashboard.supergraphSdl))) add(toChange('dashboard', change));
      } else {
        // `npm run compose` would fail too: the contract is composed beside the supergraph.
        for (const error of dashboard.errors) {
          compositionErrors.push({ ...error, message: `In the dashboard contract: ${error.message}` });
        }
      }
    }
  }

  const oldSubgraph = subgraphSchemaOf(existing.sdl);
  const newSubgraph = isParsable(proposedSdl) ? subgraphSchemaOf(proposedSdl) : undefined;
  if (oldSubgraph && newSubgraph) {
    for (const change of await diff(oldSubgraph, newSubgraph)) {
      if (!isKeyUsageChange(change)) add(toChange('subgraph', change));
    }
  }
  if (isParsable(proposedSdl)) for (const change of keyChanges(partner, existing.sdl, proposedSdl)) add(change);

  return tally({
    partner,
    composed: compositionErrors.length === 0,
    compositionErrors,
    hints: composition.hints,
    changes: withoutArgumentsOfMovedDirectives(changes),
  });
}

/**
 * `checkSubgraphSchema` against the checked-in supergraph and dashboard contract, with every
 * subgraph as its code builds it; the proposed SDL defaults to the partner's own code (what a
 * deploy of the working tree would serve).
 */
export async function checkPartnerSchema(partner: PartnerName, proposedSdl?: string): Promise<CheckReport> {
  const current: SubgraphSdl[] = [];
  for (const definition of SUBGRAPHS) current.push(await subgraphSdl(definition));
  const own = current.find((subgraph) => subgraph.name === partner);
  return checkSubgraphSchema({
    partner,
    proposedSdl: proposedSdl ?? own?.sdl ?? '',
    current,
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    dashboardSupergraphSdl: readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8'),
  });
}

