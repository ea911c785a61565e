/**
 * How the docs' shown answers are compared with real ones. A shown answer may leave things out:
 * an object lists some keys, an array its first items; a number is compared to as many decimals as
 * it is written with; `"…"` stands for any value and `"abc…"` for any string starting `abc`.
 * @returns where the actual answer differs, as `path: reason` lines (empty when it matches).
 */
export function differences(expected: unknown, actual: unknown, at = '$'): string[] {
  if (typeof expected === 'string' && expected.endsWith('…')) {
    const prefix = expected.slice(0, -1);
    return prefix === '' || (typeof actual === 'string' && actual.startsWith(prefix)) ? [] : [`${at}: expected ${expected}, got ${JSON.stringify(actual)}`];
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    const decimals = (String(expected).split('.')[1] ?? '').length;
    return Number(actual.toFixed(decimals)) === expected ? [] : [`${at}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    return expected.flatMap((item, index) => differences(item, actual[index], `${at}[${index}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => differences(value, (actual as Record<string, unknown>)[key], `${at}.${key}`));
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** A shown text output: each of its non-empty lines appears in `actual` (`…` matches anything). */
export function missingLines(expected: string, actual: string): string[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expected
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => !new RegExp(line.trim().split('…').map(escape).join('.*')).test(actual));
}
