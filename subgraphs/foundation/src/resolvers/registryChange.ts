import { GraphQLError } from 'graphql';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { ErrorCode, notFound } from '@hub/core';
import type { FoundationContext } from './context';

/** A registry row: a keyed table with a version raised by every change. */
export interface Versioned extends ObjectLiteral {
  version: number;
}

/** Where a registry row lives and how a change of it is checked. */
interface RegistryTable<T extends Versioned> {
  entity: EntityTarget<T>;
  /** The table's name, as the change log records it. */
  table: string;
  /** The input field or argument that names the row, and its value (the table's primary key). */
  key: { argument: string; column: keyof T & string; value: string };
  /** Refuses a row as it would be after the change (BAD_USER_INPUT / NOT_FOUND naming the input field). */
  check(after: T, manager: EntityManager): Promise<void>;
}

/** One update of a registry row, as a mutation asks for it. */
export interface RegistryUpdate<T extends Versioned> extends RegistryTable<T> {
  /** The version the caller's change was based on. */
  version: number;
  /** The columns to change; absent ones keep their value. */
  changes: Partial<T>;
}

/** One new registry row, as a mutation asks for it. */
export interface RegistryCreation<T extends Versioned> extends RegistryTable<T> {
  row: Omit<T, 'version'>;
}

/** Changes a registry row based on the version the caller read: CONFLICT when it is no longer the current one. */
export function updateRegistryRow<T extends Versioned>(context: FoundationContext, update: RegistryUpdate<T>): Promise<T> {
  const { table, key } = update;
  return writeRegistryRow(context, update, (before) => {
    if (!before) throw notFound(`The registry has no ${table} "${key.value}".`, key.argument, key.value);
    if (before.version !== update.version) throw conflict(`The ${table} "${key.value}" changed since version ${update.version}`, before.version);
    return { ...before, ...definedOnly(update.changes), version: before.version + 1 } as T;
  });
}

/** Adds a registry row at version 1: CONFLICT when its key is taken. */
export function createRegistryRow<T extends Versioned>(context: FoundationContext, creation: RegistryCreation<T>): Promise<T> {
  const { table, key } = creation;
  return writeRegistryRow(context, creation, (before) => {
    if (before) throw conflict(`The ${table} "${key.value}" exists already`, before.version);
    return { ...creation.row, version: 1 } as T;
  });
}

/**
 * Writes one registry row in one transaction: the row is locked (a key taken by a concurrent
 * creation fails on the primary key), `next` computes the row after the change, which is checked,
 * written and recorded in `registry_change`
 * with who, before and after. The write raises the foundation's data version by trigger in the
 * same transaction, so the gateway's kept answers are renewed when it commits.
 */
async function writeRegistryRow<T extends Versioned>(
  context: FoundationContext,
  { entity, table, key, check }: RegistryTable<T>,
  next: (before: T | null) => T,
): Promise<T> {
  const where = { [key.column]: key.value } as FindOptionsWhere<T>;
  return context.db.transaction(async (manager) => {
    const before = await manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } });
    const after = next(before);
    await check(after, manager);
    await manager.save(entity, after);
    await recordChange(manager, context, table, key.value, before, after);
    return after;
  });
}

function conflict(what: string, current: number): GraphQLError {
  return new GraphQLError(`${what}: it is at version ${current}. Read it again and redo the change.`, {
    extensions: { code: ErrorCode.CONFLICT, version: current },
  });
}

/** The fields a caller gave: an absent input field is undefined, an explicit null clears the column. */
const definedOnly = <T extends object>(changes: T): Partial<T> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;

async function recordChange(
  manager: EntityManager,
  { viewer }: FoundationContext,
  table: string,
  key: string,
  before: object | null,
  after: object,
): Promise<void> {
  // The rights check let only a verified secretariat analyst through; no viewer here is a bug.
  if (!viewer) throw new Error('updateRegistryRow: a registry change without a verified viewer');
  await manager.query(
    `INSERT INTO registry_change (subject, organisation, table_name, row_key, before, after)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [viewer.subject, viewer.partner, table, key, before && JSON.stringify(before), JSON.stringify(after)],
  );
}
