import { AGE_BAND_COMPONENTS, DISJOINT_AGE_BANDS, type AgeBand } from '../graphql/enums';
import { SuppressionReason, type CellRule, type Suppression } from './rules';
import { DISCLOSURE_THRESHOLD } from './threshold';

/**
 * Secondary suppression on one line of cells whose total is published or can be found elsewhere
 * (the age bands of a breakdown, the districts of a municipality). Total minus the published cells
 * gives the sum of the withheld ones, so that sum must be no easier to trace than a published
 * cell: it must come from at least two cells and itself pass the primary rule. While it does not,
 * the smallest published cell is withheld too (SECONDARY). With one primary cell this is the
 * textbook rule "withhold the smallest other cell"; the sum condition also covers two withheld
 * cells of, say, 0 and 2, whose sum of 2 would otherwise be known.
 */
export function protectLine<C>(
  cells: readonly C[],
  suppressions: readonly Suppression[],
  rule: CellRule<C>,
  threshold = DISCLOSURE_THRESHOLD,
): Suppression[] {
  const result = [...suppressions];
  for (;;) {
    const withheld = cells.filter((_, i) => result[i] !== null);
    if (withheld.length === 0) return result;
    if (withheld.length >= 2 && rule.primary(rule.sum(withheld), threshold) === null) return result;
    let smallest = -1;
    cells.forEach((cell, i) => {
      if (result[i] === null && (smallest < 0 || rule.size(cell) < rule.size(cells[smallest]))) smallest = i;
    });
    if (smallest < 0) return result; // everything is withheld already
    result[smallest] = SuppressionReason.SECONDARY;
  }
}

/**
 * Primary, then secondary suppression on a table of cells (`table[row][column]`), along its rows
 * and/or its columns, repeated until nothing changes (each pass only adds suppressions, so this
 * ends). This is the simple heuristic, not an optimal cell-suppression solver.
 */
export function protectTable<C>(
  table: readonly (readonly C[])[],
  rule: CellRule<C>,
  along: { rows: boolean; columns: boolean },
  threshold = DISCLOSURE_THRESHOLD,
): Suppression[][] {
  const result = table.map((row) => row.map((cell) => rule.primary(cell, threshold)));
  const columns = table.length > 0 ? table[0].length : 0;
  for (let changed = true; changed; ) {
    changed = false;
    const update = (r: number, c: number, suppression: Suppression) => {
      if (result[r][c] === null && suppression !== null) {
        result[r][c] = suppression;
        changed = true;
      }
    };
    if (along.rows) {
      table.forEach((row, r) => protectLine(row, result[r], rule, threshold).forEach((s, c) => update(r, c, s)));
    }
    if (along.columns) {
      for (let c = 0; c < columns; c += 1) {
        const column = table.map((row) => row[c]);
        protectLine(column, result.map((row) => row[c]), rule, threshold).forEach((s, r) => update(r, c, s));
      }
    }
  }
  return result;
}

/**
 * The counts behind one kind of measure along areas and age bands on one date: one row per area,
 * one cell per disjoint age band (in `DISJOINT_AGE_BANDS` order).
 */
export interface AreaAgeTable<C> {
  rows: readonly { area: string; cells: readonly C[] }[];
  /**
   * The rows are the districts that partition a municipality, whose figure is published: the
   * municipality minus the other districts would give a withheld district, so each age band is
   * protected along the districts.
   */
  districts: boolean;
  /**
   * Each row is also published as a breakdown by disjoint age band (residents by age band): each
   * row is protected along the bands, and single bands are withheld as in the breakdown.
   */
  breakdown: boolean;
}

/**
 * Whether the measure of `area`, `ageBand` may be published, given the table of its date. The
 * disjoint cells are protected first (primary, then along districts and breakdowns). A band is
 * then withheld by its own primary rule, or as SECONDARY when any disjoint band it is made of is
 * withheld: a composite band (15-24) minus its other published components (18-24) would give the
 * withheld one (15-17). So, within an area and date, every published figure is a sum of published
 * disjoint cells, and no difference of them reaches a withheld one.
 */
export function areaAgeSuppression<C>(
  table: AreaAgeTable<C>,
  area: string,
  ageBand: AgeBand,
  rule: CellRule<C>,
  threshold = DISCLOSURE_THRESHOLD,
): Suppression {
  const row = table.rows.findIndex((r) => r.area === area);
  if (row < 0) throw new Error(`The disclosure table has no row for area "${area}".`);
  const cells = protectTable(
    table.rows.map((r) => r.cells),
    rule,
    { rows: table.breakdown, columns: table.districts },
    threshold,
  )[row];
  const components = AGE_BAND_COMPONENTS[ageBand].map((band) => DISJOINT_AGE_BANDS.indexOf(band));
  const own = rule.primary(rule.sum(components.map((c) => table.rows[row].cells[c])), threshold);
  return own ?? (components.some((c) => cells[c] !== null) ? SuppressionReason.SECONDARY : null);
}
