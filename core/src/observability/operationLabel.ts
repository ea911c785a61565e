/** Distinct operation names a component reports as their own series before it lumps the rest together. */
export const MAX_OPERATION_LABELS = 200;

/**
 * The `operation` label of a metric. Callers choose operation names, so each name is a new time
 * series: past `max` distinct names the rest count as `other`, and a caller cannot exhaust
 * Prometheus with random names. Unnamed operations are `anonymous`; requests refused before
 * GraphQL ran (no token, a body that is not JSON) are `none`.
 */
export function operationLabels(max = MAX_OPERATION_LABELS): (name: string | null | undefined, ran?: boolean) => string {
  const known = new Set<string>();
  return (name, ran = true) => {
    if (!ran) return 'none';
    if (!name) return 'anonymous';
    if (known.has(name)) return name;
    if (known.size >= max) return 'other';
    known.add(name);
    return name;
  };
}
