// An indicator as a line chart: the area's yearly values against the comparison area's, and the path
// from baseline to target. A suppressed period is a gap in its line, never a zero.
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { h } from '../dom';
import { formatValue, measureCell, type Measure, type MeasureUnit } from '../measure';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface DatedValue {
  date: string;
  value: number;
}

export interface IndicatorObservation {
  /** "2017" for a year, "2017-06" for a month. */
  period: string;
  value: Measure | null;
  comparison: Measure | null;
}

export interface ChartedIndicator {
  id: string;
  /** Null when the municipality, which names the areas, did not answer. */
  area: { name: string } | null;
  comparisonArea: { name: string } | null;
  baseline: DatedValue;
  target: DatedValue;
  series: IndicatorObservation[];
}

const COLOURS = { area: '#1b5e8c', comparison: '#9a6a1f', target: '#3f7d3a' };

/** The indicator's area by name, or said to be unnamed when the municipality did not answer. */
export const areaName = (indicator: ChartedIndicator): string => indicator.area?.name ?? 'Area (name unavailable)';

/** The plotted value of a period: null (a gap) when the figure is suppressed or missing. */
export const plotted = (measure: Measure | null): number | null => (measure && !measure.suppressed ? measure.value : null);

/** Years from the first observation (or the baseline) to the target, so the target shows on the axis. */
function periodLabels(indicator: ChartedIndicator): string[] {
  const years = [...indicator.series.map((o) => Number(o.period.slice(0, 4))), Number(indicator.baseline.date.slice(0, 4)), Number(indicator.target.date.slice(0, 4))];
  const labels: string[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) labels.push(String(year));
  return labels;
}

function datasets(indicator: ChartedIndicator, labels: string[]): ChartDataset<'line', (number | null)[]>[] {
  const valueIn = (pick: (o: IndicatorObservation) => Measure | null) =>
    labels.map((label) => {
      const observation = indicator.series.find((o) => o.period === label);
      return observation ? plotted(pick(observation)) : null;
    });
  const goal = labels.map((label) =>
    label === indicator.baseline.date.slice(0, 4) ? indicator.baseline.value : label === indicator.target.date.slice(0, 4) ? indicator.target.value : null,
  );
  return [
    { label: areaName(indicator), data: valueIn((o) => o.value), borderColor: COLOURS.area, backgroundColor: COLOURS.area, spanGaps: false },
    ...(indicator.comparisonArea
      ? [{ label: indicator.comparisonArea.name, data: valueIn((o) => o.comparison), borderColor: COLOURS.comparison, backgroundColor: COLOURS.comparison, spanGaps: false }]
      : []),
    { label: 'Baseline → target', data: goal, borderColor: COLOURS.target, backgroundColor: COLOURS.target, borderDash: [6, 4], spanGaps: true, pointStyle: 'rectRot', pointRadius: 5 },
  ];
}

/** The figures behind the chart, as a table: readable without the chart, and the source of truth for tests. */
function figuresTable(indicator: ChartedIndicator): HTMLElement {
  return h(
    'details',
    { class: 'chart-figures' },
    h('summary', {}, 'Figures behind the chart'),
    h(
      'table',
      { class: 'figures' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Period'), h('th', {}, areaName(indicator)), indicator.comparisonArea && h('th', {}, indicator.comparisonArea.name))),
      h(
        'tbody',
        {},
        ...indicator.series.map((o) =>
          h('tr', { 'data-period': o.period }, h('th', { scope: 'row' }, o.period), measureCell(o.value, { 'data-series': 'value' }), indicator.comparisonArea && measureCell(o.comparison, { 'data-series': 'comparison' })),
        ),
      ),
    ),
  );
}

/** Says which periods are gaps because disclosure control withheld them; nothing when none are. */
function gapNote(indicator: ChartedIndicator): HTMLElement | null {
  const withheld = (pick: (o: IndicatorObservation) => Measure | null) => indicator.series.filter((o) => pick(o)?.suppressed).map((o) => o.period);
  const gaps = [
    { name: areaName(indicator), periods: withheld((o) => o.value) },
    ...(indicator.comparisonArea ? [{ name: indicator.comparisonArea.name, periods: withheld((o) => o.comparison) }] : []),
  ].filter((gap) => gap.periods.length > 0);
  if (gaps.length === 0) return null;
  return h('figcaption', { class: 'gap-note' }, `Gaps are suppressed figures: ${gaps.map((gap) => `${gap.name} in ${gap.periods.join(', ')}`).join('; ')}.`);
}

/**
 * A figure with the chart's canvas and its figures. Call `draw()` once the figure is in the page:
 * chart.js sizes the canvas from its container.
 */
export function indicatorChart(indicator: ChartedIndicator, unit: MeasureUnit | null): { element: HTMLElement; draw(): Chart } {
  const labels = periodLabels(indicator);
  const data = datasets(indicator, labels);
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${areaName(indicator)} by year against the path from baseline to target`,
    'data-labels': JSON.stringify(labels),
    'data-values': JSON.stringify(data[0].data),
  });
  const element = h(
    'figure',
    { class: 'chart', 'data-indicator-chart': indicator.id },
    h('div', { class: 'chart-canvas' }, canvas),
    gapNote(indicator),
    figuresTable(indicator),
  );
  const draw = () =>
    new Chart(canvas, {
      type: 'line',
      data: { labels, datasets: data },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.parsed.y == null ? 'suppressed' : formatValue(item.parsed.y, unit)}` } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: (value) => formatValue(Number(value), unit) } } },
      },
    });
  return { element, draw };
}
