// View: the indicators of one line of action (or all), each as a chart against baseline and target
// with its goal fulfilment, then the indicator table with its CSV and JSON exports.
import { indicatorRow } from '@hub/core/src/export/csvRows';
import { h, show } from '../dom';
import { exportButtons } from '../exports';
import { graphql } from '../graphql';
import { ageBandText, formatValue, measureCell, type Measure, type MeasureUnit } from '../measure';
import { errorList } from '../notices';
import INDICATORS from '../operations/Indicators.graphql';
import { progressBar, type IndicatorFulfilment } from './goalFulfilment';
import { areaName, indicatorChart, type ChartedIndicator } from './indicatorChart';
import type { LineOfActionCode } from './linesOfAction';

interface Indicator extends ChartedIndicator {
  name: string;
  measure: string;
  ageBand: string;
  direction: 'UP' | 'DOWN';
  lineOfAction: { code: LineOfActionCode; name: string };
  owner: { code: string; name: string };
  area: { code: string; name: string } | null;
  comparisonArea: { code: string; name: string } | null;
  current: Measure | null;
  comparisonCurrent: Measure | null;
  fulfilment: IndicatorFulfilment | null;
}

/** Baseline and target are plain numbers in the unit of the indicator's measure, which its Measures carry. */
const unitOf = (indicator: Indicator): MeasureUnit | null => indicator.current?.unit ?? indicator.series.find((o) => o.value)?.value?.unit ?? null;
const directionText = (indicator: Indicator) => (indicator.direction === 'UP' ? 'higher is better' : 'lower is better');

function datedCell(dated: { date: string; value: number }, unit: MeasureUnit | null, cell: string): HTMLTableCellElement {
  return h('td', { class: 'measure', 'data-cell': cell, 'data-value': dated.value, title: `on ${dated.date}` }, formatValue(dated.value, unit));
}

/**
 * An indicator whose owner did not answer: no current value and no value in any period. (A
 * withheld figure is a Measure marked suppressed, never a missing one.)
 */
const isUnknown = (indicator: Indicator) => indicator.current === null && indicator.series.every((o) => o.value === null);

function indicatorCard(indicator: Indicator): { element: HTMLElement; draw(): void } {
  const unit = unitOf(indicator);
  const chart = indicatorChart(indicator, unit);
  const element = h(
    'article',
    { class: 'card indicator-card', 'data-indicator-id': indicator.id },
    h('header', {}, h('h3', {}, indicator.name)),
    h('p', { class: 'meta' }, `${indicator.owner.name} · ages ${ageBandText(indicator.ageBand)} · ${directionText(indicator)}`),
    progressBar(indicator.fulfilment),
    isUnknown(indicator) && h('p', { class: 'notice unknown', 'data-testid': 'unknown' }, `Values unknown: ${indicator.owner.name} did not answer.`),
    chart.element,
  );
  return { element, draw: chart.draw };
}

function indicatorTable(indicators: Indicator[]): HTMLTableElement {
  const row = (indicator: Indicator) => {
    const unit = unitOf(indicator);
    return h(
      'tr',
      { 'data-indicator-id': indicator.id },
      h('th', { scope: 'row' }, indicator.name),
      h('td', {}, indicator.lineOfAction.name),
      h('td', {}, areaName(indicator), indicator.comparisonArea && h('span', { class: 'muted' }, ` vs ${indicator.comparisonArea.name}`)),
      datedCell(indicator.baseline, unit, 'baseline'),
      measureCell(indicator.current, { 'data-cell': 'current' }),
      measureCell(indicator.comparisonCurrent, { 'data-cell': 'comparisonCurrent' }),
      datedCell(indicator.target, unit, 'target'),
      h('td', {}, progressBar(indicator.fulfilment)),
    );
  };
  const headings = ['Indicator', 'Line of action', 'Area', 'Baseline', 'Now', 'Comparison now', 'Target', 'Goal fulfilment'];
  return h(
    'table',
    { class: 'figures indicator-table' },
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, ...indicators.map(row)),
  );
}

/** Renders the indicators of `lineOfAction` (all when null) into `container`. */
export async function renderIndicators(container: HTMLElement, lineOfAction: LineOfActionCode | null): Promise<void> {
  const { data, errors } = await graphql<{ indicators: Indicator[] }>(INDICATORS, { lineOfAction });
  const indicators = data.indicators;
  const cards = indicators.map(indicatorCard);
  const name = `indicators-${(lineOfAction ?? 'all').toLowerCase().replace('_', '-')}`;
  show(
    container,
    errorList(errors, indicators.filter(isUnknown).map((indicator) => indicator.name)),
    indicators.length === 0 && h('p', { class: 'notice' }, 'No indicators are defined for this line of action yet.'),
    h('div', { class: 'indicator-grid' }, ...cards.map((card) => card.element)),
    h('div', { class: 'table-header' }, h('h3', {}, 'Indicator table'), exportButtons(name, () => ({ rows: indicators.map(indicatorRow), json: { indicators } }))),
    h('div', { class: 'table-scroll' }, indicatorTable(indicators)),
  );
  for (const card of cards) card.draw();
}
