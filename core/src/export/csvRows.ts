// The rows of the hub's CSV exports, shared by `hub export` (cli, Node) and the dashboard's "Export CSV"
// (gateway/dashboard, bundled for the browser), so that both write the same columns: a Measure's
// columns, and the indicator table's row. This file imports nothing: the dashboard bundles it alone,
// by its path (@hub/core/src/export/csvRows), without the rest of @hub/core and its Node modules.

/** One CSV row: column name → cell; null is an empty cell (JSON: null). */
export type CsvRow = Record<string, string | number | boolean | null>;

/** A Measure as the graph answers it; a withheld one has null figures and `suppressed: true`, never 0. */
export interface MeasureAnswer {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  suppressed: boolean;
  suppressionReason: string | null;
  /** True when the counts carry the cell key method's noise (docs/privacy.md). */
  perturbed: boolean;
}

/** An indicator as the graph answers it, with the fields its CSV row holds. */
export interface IndicatorAnswer {
  id: string;
  name: string;
  lineOfAction: { code: string };
  owner: { code: string };
  measure: string;
  ageBand: string;
  area: { code: string } | null;
  comparisonArea: { code: string } | null;
  direction: string;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
  current: MeasureAnswer | null;
  comparisonCurrent: MeasureAnswer | null;
  fulfilment: { progress: number | null; met: boolean | null; status: string } | null;
}

/**
 * The columns of one Measure in a CSV row: `value`, `numerator`, `denominator`, `suppressed`,
 * `suppression_reason`, `perturbed`, each after `<prefix>_` when given (the layout of `hub export`).
 */
export function measureColumns(prefix: string, measure: MeasureAnswer | null | undefined): CsvRow {
  const column = (name: string) => (prefix ? `${prefix}_${name}` : name);
  return {
    [column('value')]: measure?.value ?? null,
    [column('numerator')]: measure?.numerator ?? null,
    [column('denominator')]: measure?.denominator ?? null,
    [column('suppressed')]: measure?.suppressed ?? null,
    [column('suppression_reason')]: measure?.suppressionReason ?? null,
    [column('perturbed')]: measure?.perturbed ?? null,
  };
}

/** The columns that say which indicator a row is about: its definition. */
export function indicatorDefinitionColumns(indicator: IndicatorAnswer): CsvRow {
  return {
    indicator: indicator.id,
    name: indicator.name,
    line_of_action: indicator.lineOfAction.code,
    owner: indicator.owner.code,
    measure: indicator.measure,
    unit: indicator.current?.unit ?? null,
    age_band: indicator.ageBand,
    area: indicator.area?.code ?? null,
    comparison_area: indicator.comparisonArea?.code ?? null,
  };
}

/** One row per indicator: definition, baseline, target, today's values and goal fulfilment. */
export function indicatorRow(indicator: IndicatorAnswer): CsvRow {
  return {
    ...indicatorDefinitionColumns(indicator),
    direction: indicator.direction,
    baseline_date: indicator.baseline.date,
    baseline_value: indicator.baseline.value,
    target_date: indicator.target.date,
    target_value: indicator.target.value,
    ...measureColumns('current', indicator.current),
    ...measureColumns('comparison', indicator.comparisonCurrent),
    progress: indicator.fulfilment?.progress ?? null,
    met: indicator.fulfilment?.met ?? null,
    status: indicator.fulfilment?.status ?? null,
  };
}
