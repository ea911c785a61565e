import {
  getNamedType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';

/** One field on the way down, with the variables its required arguments take. */
export interface Step {
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
}

/** A question for the graph: a path of fields from Query to an object type, whose every leaf is asked. */
export interface Probe {
  path: Step[];
  type: GraphQLObjectType;
}

/** Every object the graph has answered so far, by type name: where later arguments come from. */
export type Seen = Map<string, Record<string, unknown>[]>;

/**
 * Chooses a required argument's value from what the graph has answered, or undefined while it has
 * not answered it yet. `special` covers arguments no answer can give (a pseudonym, a cohort).
 */
export type ArgumentChooser = (owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, seen: Seen) => unknown;

export const requiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** Values for a field's required arguments, or undefined when one cannot be chosen (yet). */
export function chooseArgs(owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, seen: Seen, choose: ArgumentChooser) {
  const args: Record<string, unknown> = {};
  for (const arg of requiredArgs(field)) {
    const named = getNamedType(arg.type);
    const value = isEnumType(named) ? named.getValues()[0]?.value : choose(owner, field, arg, seen);
    if (value === undefined) return undefined;
    args[arg.name] = value;
  }
  return args;
}

/** The leaf fields of a type that take no required argument. */
export const leavesOf = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((field) => isLeafType(getNamedType(field.type)) && requiredArgs(field).length === 0);

/** The object-typed fields of a type: each becomes a probe of its own. */
export const childrenOf = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((field) => isObjectType(getNamedType(field.type)));

/**
 * The probe as an operation with variables. Every step selects its type's leaves too, so that the
 * answer shows the graph's own values (codes, ids, kinds) for later arguments.
 */
export function render(probe: Probe): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const selection = (index: number): string => {
    const step = probe.path[index];
    const type = getNamedType(step.field.type) as GraphQLObjectType;
    const args = Object.entries(step.args).map(([name, value]) => {
      const variable = `v${declarations.length}`;
      const arg = step.field.args.find((candidate) => candidate.name === name)!;
      declarations.push(`$${variable}: ${arg.type.toString()}`);
      variables[variable] = value;
      return `${name}: $${variable}`;
    });
    const leaves = leavesOf(type).map((field) => field.name);
    const inner = index + 1 < probe.path.length ? [selection(index + 1)] : [];
    const head = args.length ? `${step.field.name}(${args.join(', ')})` : step.field.name;
    return `${head} { __typename ${[...leaves, ...inner].join(' ')} }`;
  };
  const body = selection(0);
  return { query: `query Probe${declarations.length ? `(${declarations.join(', ')})` : ''} { ${body} }`, variables };
}

/** Objects kept per type: enough to choose arguments from, bounded for the largest lists. */
export const MAX_SEEN = 200;

/** Records every object in an answer under its `__typename`. */
export function remember(value: unknown, seen: Seen): void {
  if (Array.isArray(value)) return value.forEach((item) => remember(item, seen));
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  if (typeof object.__typename === 'string') {
    const list = seen.get(object.__typename) ?? [];
    if (list.length < MAX_SEEN) list.push(object);
    seen.set(object.__typename, list);
  }
  for (const child of Object.values(object)) remember(child, seen);
}
