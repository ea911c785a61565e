import { indicatorDefinitionColumns, indicatorRow, measureColumns, type CsvRow, type IndicatorAnswer, type MeasureAnswer } from '@hub/core';
import type { GatewayOptions } from './exportGraphQL';
import { queryGateway } from './exportGraphQL';
import { registered } from './registered';

// Registered (schema/operations/), so that the export runs under HUB_SAFELIST=enforce too.
const QUERY = 'ExportIndicators';

/** An indicator as the query asks it: the columns of its row, and its time series when asked. */
interface IndicatorJson extends IndicatorAnswer {
  series?: { period: string; on: string; value: MeasureAnswer | null; comparison: MeasureAnswer | null }[];
}

export type Row = CsvRow;

/** One row per indicator: definition, baseline, target, today's values and goal fulfilment. */
export function indicatorRows(indicators: readonly IndicatorJson[]): Row[] {
  return indicators.map(indicatorRow);
}

/** One row per indicator and period: the time series. */
export function seriesRows(indicators: readonly IndicatorJson[]): Row[] {
  return indicators.flatMap((indicator) =>
    (indicator.series ?? []).map((observation) => ({
      ...indicatorDefinitionColumns(indicator),
      period: observation.period,
      on: observation.on,
      ...measureColumns('', observation.value),
      ...measureColumns('comparison', observation.comparison),
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
  const { indicators } = await queryGateway<{ indicators: IndicatorJson[] }>(options, registered(QUERY), {
    line: options.lineOfAction ?? null,
    period: options.series ?? 'YEAR',
    withSeries: options.series !== undefined,
  });
  return options.series ? seriesRows(indicators) : indicatorRows(indicators);
}
