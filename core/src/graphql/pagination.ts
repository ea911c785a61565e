import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 1-${MAX_PAGE_SIZE}.`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item already seen.' })
  after?: string | null;
}

@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A validated page request: `afterKey` is the sort key of the last item seen. */
export interface PageWindow {
  limit: number;
  afterKey: string | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function pageWindow(args: PageArgs): PageWindow {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badUserInput(
      `"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${args.first}.`,
      'first',
    );
  }
  if (args.after == null) return { limit: args.first, afterKey: null };
  const afterKey = Buffer.from(args.after, 'base64url').toString('utf8');
  if (!afterKey || encodeCursor(afterKey) !== args.after) {
    throw badUserInput(`"after" is not a cursor this list gave out: ${args.after}`, 'after');
  }
  return { limit: args.first, afterKey };
}

/**
 * Builds a connection from rows fetched with `LIMIT limit + 1` after the cursor: the extra row
 * only tells whether another page exists.
 */
export function toConnection<T>(
  rows: readonly T[],
  window: PageWindow,
  keyOf: (row: T) => string,
  totalCount: number,
): Connection<T> {
  const page = rows.slice(0, window.limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.limit,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list, all pages together.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
