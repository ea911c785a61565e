import type { GatewayOptions } from './exportGraphQL';
import { queryGateway } from './exportGraphQL';

/** A measure as the graph answers it; withheld: figures null, never zero. */
interface MeasureJson {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  suppressed: boolean;
  suppressionReason: string | null;
}

const MEASURE = '{ value numerator denominator unit suppressed suppressionReason }';

const QUERY = `query ExportIndicators($line: LineOfActionCode, $period: IndicatorPeriod!, $withSeries: Boolean!) {
  indicators(lineOfAction: $line) {
    id name lineOfAction { code } owner { code } measure ageBand area { code } comparisonArea { code } direction
    baseline { date value } target { date value }
    current ${MEASURE} comparisonCurrent ${MEASURE}
    fulfilment { progress met status }
    series(period: $period) @include(if: $withSeries) { period on value ${MEASURE} comparison ${MEASURE} }
  }
}`;

interface IndicatorJson {
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
  current: MeasureJson | null;
  comparisonCurrent: MeasureJson | null;
  fulfilment: { progress: number | null; met: boolean | null; status: string } | null;
  series?: { period: string; on: string; value: MeasureJson | null; comparison: MeasureJson | null }[];
}

export type Row = Record<string, string | number | boolean | null>;

/** A measure's cells under `prefix`: the figures (empty when withheld) and whether it was withheld. */
function measureCells(prefix: string, measure: MeasureJson | null): Row {
  return {
    [`${prefix}value`]: measure?.value ?? null,
    [`${prefix}numerator`]: measure?.numerator ?? null,
    [`${prefix}denominator`]: measure?.denominator ?? null,
    [`${prefix}suppressed`]: measure?.suppressed ?? null,
    [`${prefix}suppression_reason`]: measure?.suppressionReason ?? null,
  };
}

function definitionCells(indicator: IndicatorJson): Row {
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
export function indicatorRows(indicators: readonly IndicatorJson[]): Row[] {
  return indicators.map((indicator) => ({
    ...definitionCells(indicator),
    direction: indicator.direction,
    baseline_date: indicator.baseline.date,
    baseline_value: indicator.baseline.value,
    target_date: indicator.target.date,
    target_value: indicator.target.value,
    ...measureCells('current_', indicator.current),
    ...measureCells('comparison_', indicator.comparisonCurrent),
    progress: indicator.fulfilment?.progress ?? null,
    met: indicator.fulfilment?.met ?? null,
    status: indicator.fulfilment?.status ?? null,
  }));
}

/** One row per indicator and period: the time series. */
export function seriesRows(indicators: readonly IndicatorJson[]): Row[] {
  return indicators.flatMap((indicator) =>
    (indicator.series ?? []).map((observation) => ({
      ...definitionCells(indicator),
      period: observation.period,
      on: observation.on,
      ...measureCells('', observation.value),
      ...measureCells('comparison_', observation.comparison),
    })),
  );
}

export interface IndicatorExportOptions extends GatewayOptions {
  lineOfAction?: string;
  /** A time series by YEAR or MONTH instead of today's table. */
  series?: 'YEAR' | 'MONTH';
}

/** The indicator table (or time series) as the graph answers it, ready to write. */
export async function exportIndicators(options: IndicatorExportOptions): Promise<Row[]> {
  const { indicators } = await queryGateway<{ indicators: IndicatorJson[] }>(options, QUERY, {
    line: options.lineOfAction ?? null,
    period: options.series ?? 'YEAR',
    withSeries: options.series !== undefined,
  });
  return options.series ? seriesRows(indicators) : indicatorRows(indicators);
}
