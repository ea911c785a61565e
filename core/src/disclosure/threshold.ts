/**
 * The disclosure threshold: the fewest persons an aggregate may stand for before it may leave a
 * partner. 5 by default, like the common practice of national statistical offices (Statistics
 * Denmark among them) of not publishing cells with very few units. One value per alliance, set
 * with `HUB_DISCLOSURE_THRESHOLD` and read once when core loads, so that every subgraph of a
 * process, and every measure of a request, applies the same threshold.
 */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

/**
 * The lowest threshold an alliance may set. Below 3, a published pair lets each of its two
 * persons learn the other's attribute, which is exactly what disclosure control is to prevent.
 */
export const MIN_DISCLOSURE_THRESHOLD = 3;

/** `HUB_DISCLOSURE_THRESHOLD` as a number; unset or empty gives the default. */
export function parseDisclosureThreshold(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_DISCLOSURE_THRESHOLD;
  const threshold = Number(raw);
  if (!Number.isInteger(threshold) || threshold < MIN_DISCLOSURE_THRESHOLD) {
    // Refusing to start beats silently publishing small cells under a typo.
    throw new Error(
      `HUB_DISCLOSURE_THRESHOLD must be a whole number of persons, ${MIN_DISCLOSURE_THRESHOLD} or more; got "${raw}".`,
    );
  }
  return threshold;
}

/** The alliance's threshold, read once from the environment. */
export const DISCLOSURE_THRESHOLD = parseDisclosureThreshold(process.env.HUB_DISCLOSURE_THRESHOLD);
