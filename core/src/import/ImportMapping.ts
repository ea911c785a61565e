import type { PartnerName } from '../partners';
import type { ColumnSpec } from './columns';

/** A row that failed: the column at fault (or `row` for the row as a whole) and why. */
export interface Problem {
  column: string;
  reason: string;
}

/** A table a row is written to, by natural key: a row already there with that key is updated. */
export interface TableTarget<Row> {
  table: string;
  /** The natural key: a unique constraint on these columns must exist (a partner migration). */
  key: readonly string[];
  /** The rows of this table that one valid row of the file makes (column name → value). */
  rows(row: Row): Record<string, unknown>[];
}

/** The values of a valid row, by column name, typed from the columns' parsers. */
export type RowOf<C extends Record<string, ColumnSpec<unknown>>> = {
  [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T : never;
};

/**
 * How one kind of extract becomes rows of one partner's tables. Declared by the partner in
 * `subgraphs/<partner>/src/import/<name>.mapping.ts`, documented in docs/partner-it.md, and versioned:
 * a change to its columns or their meaning is a new version, and a file may name the version it
 * was written for on its first line (`# mapping: jobcentre/employment v1`).
 */
export interface ImportMapping<Row = Record<string, unknown>> {
  partner: PartnerName;
  /** Lowercase, e.g. `employment`; with the partner it names the mapping: `jobcentre/employment`. */
  name: string;
  /** Whole number from 1, raised with every incompatible change. */
  version: number;
  description: string;
  /** The file's columns, by header name (lowercase); any order in the file, no others. */
  columns: Record<string, ColumnSpec<unknown>>;
  /** A check across columns, once every column parsed. */
  check?(row: Row): Problem | undefined;
  /** In order: a table's rows may refer to rows of the tables before it. */
  tables: readonly TableTarget<Row>[];
}

/** Declares a mapping, with each row typed from its columns. */
export function defineMapping<C extends Record<string, ColumnSpec<unknown>>>(
  mapping: Omit<ImportMapping<RowOf<C>>, 'columns'> & { columns: C },
): ImportMapping<RowOf<C>> {
  const idColumns = Object.entries(mapping.columns).filter(([, column]) => column.nationalId);
  if (idColumns.length > 1)
    throw new Error(`${mapping.partner}/${mapping.name}: expected at most one national ID column`);
  for (const name of Object.keys(mapping.columns)) {
    if (name !== name.toLowerCase())
      throw new Error(`${mapping.partner}/${mapping.name}: column names are lowercase, got "${name}"`);
  }
  if (!Number.isInteger(mapping.version) || mapping.version < 1) {
    throw new Error(`${mapping.partner}/${mapping.name}: expected a version of 1 or more, got ${mapping.version}`);
  }
  return mapping;
}

/** `jobcentre/employment v1`: how files, errors and help name a mapping. */
export function mappingTitle(mapping: Pick<ImportMapping, 'partner' | 'name' | 'version'>): string {
  return `${mapping.partner}/${mapping.name} v${mapping.version}`;
}

/** The mapping's columns as plain text lines, two a column, for `hub import --help`. */
export function describeColumns(mapping: ImportMapping): string[] {
  const names = Object.keys(mapping.columns);
  const width = Math.max(...names.map((name) => name.length));
  return names.flatMap((name) => {
    const column = mapping.columns[name];
    const need = column.required ? 'required' : 'optional';
    return [`${name.padEnd(width)}  ${need}  ${column.type}`, `${''.padEnd(width)}  ${column.description}`];
  });
}
