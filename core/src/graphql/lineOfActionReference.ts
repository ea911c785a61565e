import { LineOfActionCode } from './enums';

const CODES: readonly unknown[] = Object.values(LineOfActionCode);

/**
 * A line of action seen from a partner that only adds measures to it: the key is all there is,
 * so nothing is loaded; a code that is not a line of action resolves to null, not to an error.
 */
export function lineOfActionReference(reference: Record<string, unknown>): { code: LineOfActionCode } | null {
  return CODES.includes(reference.code) ? { code: reference.code as LineOfActionCode } : null;
}
