import type { ImportContext } from './columns';
import type { HeaderMap } from './csvHead';
import type { ImportMapping, Problem } from './ImportMapping';
import { holdsNationalId } from './nationalId';

export type ParsedRow = { ok: true; row: Record<string, unknown> } | { ok: false; problems: Problem[] };

/**
 * Why a national ID may not stand in another column: whatever else a row holds may reach the
 * graph as it is (a name, a remark), and only the ID column is pseudonymised.
 */
function idOutOfPlace(mapping: ImportMapping): string {
  const idColumn = Object.keys(mapping.columns).find((name) => mapping.columns[name].nationalId);
  const where = idColumn ? `go in the ${idColumn} column only` : 'are not imported with this mapping';
  return `holds what looks like a national ID; national IDs ${where}`;
}

/** One record checked against the mapping: every problem of the row is reported, not only the first. */
export function parseRow(
  record: readonly string[],
  header: HeaderMap,
  mapping: ImportMapping,
  context: ImportContext,
): ParsedRow {
  const problems: Problem[] = [];
  if (record.length !== header.names.length) {
    problems.push({ column: 'row', reason: `expected ${header.names.length} fields, found ${record.length}` });
    return { ok: false, problems };
  }
  const row: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(mapping.columns)) {
    const at = header.index.get(name);
    const text = at === undefined ? '' : record[at];
    if (text.trim() === '') {
      if (column.required) problems.push({ column: name, reason: 'missing (the column is required)' });
      else row[name] = null;
      continue;
    }
    if (!column.nationalId && holdsNationalId(text)) {
      problems.push({ column: name, reason: idOutOfPlace(mapping) });
      continue;
    }
    const parsed = column.parse(text, context);
    if (parsed.ok) row[name] = parsed.value;
    else problems.push({ column: name, reason: parsed.reason });
  }
  if (problems.length === 0) {
    const problem = mapping.check?.(row);
    if (problem) problems.push(problem);
  }
  return problems.length === 0 ? { ok: true, row } : { ok: false, problems };
}
