import { composeServices } from '@apollo/composition';
import {
  GraphQLError,
  Kind,
  Source,
  getLocation,
  parse,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
} from 'graphql';
import type { SubgraphSdl } from './composeSupergraph';

/** Where in a subgraph's SDL a composition problem lies. */
export interface ProblemLocation {
  subgraph: string;
  /** Schema coordinate of the element: `Type`, `Type.field`, `Type.field(argument:)`, `@directive`. */
  coordinate?: string;
  line: number;
  column: number;
}

/** One composition error or hint, taken from `@apollo/composition`'s objects. */
export interface CompositionProblem {
  severity: 'error' | 'hint';
  /** Apollo's code, e.g. `INVALID_FIELD_SHARING`, `SATISFIABILITY_ERROR`, `GRAPHQL_PARSE_FAILED`. */
  code: string;
  message: string;
  locations: ProblemLocation[];
}

export interface Composition {
  /** The supergraph SDL; undefined when composition failed. */
  supergraphSdl?: string;
  errors: CompositionProblem[];
  hints: CompositionProblem[];
}

interface LocatedNode {
  kind?: string;
  loc?: { start: number; source: Source };
  subgraph?: string;
}

type Named = { name?: { value: string }; loc?: { start: number; end: number } };

function contains(node: Named, position: number): boolean {
  return node.loc !== undefined && node.loc.start <= position && position < node.loc.end;
}

/** The schema coordinate of whatever definition encloses `position` in the document. */
function coordinateAt(document: DocumentNode, position: number): string | undefined {
  const definition = document.definitions.find((candidate) => contains(candidate, position));
  if (!definition) return undefined;
  if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) return 'schema';
  if (definition.kind === Kind.DIRECTIVE_DEFINITION) return `@${definition.name.value}`;
  if (!('name' in definition) || !definition.name) return undefined;
  const typeName = definition.name.value;
  const members = membersOf(definition);
  const member = members.find((candidate) => contains(candidate, position));
  if (!member?.name) return typeName;
  const argument = (member as { arguments?: readonly Named[] }).arguments?.find((candidate) => contains(candidate, position));
  return argument?.name ? `${typeName}.${member.name.value}(${argument.name.value}:)` : `${typeName}.${member.name.value}`;
}

function membersOf(definition: DefinitionNode): readonly Named[] {
  if ('fields' in definition && definition.fields) return definition.fields;
  if ('values' in definition && definition.values) return definition.values;
  return [];
}

function locate(node: LocatedNode, documents: ReadonlyMap<string, DocumentNode>): ProblemLocation | undefined {
  if (!node.loc) return undefined;
  const subgraph = node.subgraph ?? node.loc.source.name;
  const { line, column } = getLocation(node.loc.source, node.loc.start);
  const document = documents.get(subgraph);
  const coordinate = document ? coordinateAt(document, node.loc.start) : undefined;
  return { subgraph, line, column, ...(coordinate ? { coordinate } : {}) };
}

function problemOf(
  severity: CompositionProblem['severity'],
  code: string,
  message: string,
  nodes: readonly ASTNode[] | ASTNode | undefined,
  documents: ReadonlyMap<string, DocumentNode>,
): CompositionProblem {
  const list = nodes === undefined ? [] : Array.isArray(nodes) ? nodes : [nodes as ASTNode];
  const locations = list
    .map((node) => locate(node as LocatedNode, documents))
    .filter((location): location is ProblemLocation => location !== undefined);
  return { severity, code, message, locations };
}

/**
 * Composes the subgraphs with `@apollo/composition`, like `composeSupergraph`, and on failure
 * gives the errors as data: Apollo's code, its message, and for each AST node it names the
 * subgraph, the schema coordinate (type, field, argument) and the line in that subgraph's SDL.
 * Hints come back the same way. The supergraph SDL, when there is one, is the same text
 * `composeSupergraph` returns.
 */
export function composeSubgraphs(subgraphs: readonly SubgraphSdl[]): Composition {
  const documents = new Map<string, DocumentNode>();
  const errors: CompositionProblem[] = [];
  for (const { name, sdl } of subgraphs) {
    try {
      // A named Source, so every node's location says which subgraph it comes from.
      documents.set(name, parse(new Source(sdl, name)));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const [location] = error.locations ?? [];
      errors.push({
        severity: 'error',
        code: 'GRAPHQL_PARSE_FAILED',
        message: `[${name}] ${error.message}`,
        locations: location ? [{ subgraph: name, ...location }] : [],
      });
    }
  }
  if (errors.length > 0) return { errors, hints: [] };

  const result = composeServices(
    subgraphs.map(({ name, url }) => ({ name, url, typeDefs: documents.get(name) as DocumentNode })),
  );
  const hints = (result.hints ?? []).map((hint) =>
    problemOf('hint', hint.definition.code, hint.message, hint.nodes, documents),
  );
  if (result.errors) {
    return {
      errors: result.errors.map((error) =>
        problemOf('error', String(error.extensions.code ?? 'COMPOSITION_ERROR'), error.message, error.nodes, documents),
      ),
      hints,
    };
  }
  return { supergraphSdl: result.supergraphSdl, errors: [], hints };
}

export interface DescribeOptions {
  /** Put before every line; two spaces unless told. */
  indent?: string;
  /** Files the SDL of some subgraphs was read from, by subgraph name, to name them with the line. */
  files?: Readonly<Record<string, string>>;
}

function describeLocation(location: ProblemLocation, files: Readonly<Record<string, string>>): string {
  const what = location.coordinate ? `${location.subgraph} ${location.coordinate}` : location.subgraph;
  const file = files[location.subgraph];
  return `${what} (${file ? `${file}, ` : ''}line ${location.line}, column ${location.column})`;
}

/**
 * A problem in plain words, for a terminal: the code and the coordinates it is about on the first
 * line, then Apollo's message, then each place it points at (subgraph, type.field, line).
 */
export function describeProblem(problem: CompositionProblem, options: DescribeOptions = {}): string[] {
  const { indent = '  ', files = {} } = options;
  const coordinates = [...new Set(problem.locations.flatMap((location) => location.coordinate ?? []))];
  const subgraphs = [...new Set(problem.locations.map((location) => location.subgraph))];
  const about = coordinates.length > 0 ? ` ${coordinates.join(', ')}` : '';
  const where = subgraphs.length > 0 ? ` in ${subgraphs.join(', ')}` : '';
  const lines = [`${indent}${problem.severity} ${problem.code}:${about}${where}`];
  for (const line of problem.message.split('\n')) lines.push(`${indent}  ${line}`);
  for (const location of problem.locations) lines.push(`${indent}  at ${describeLocation(location, files)}`);
  return lines;
}
