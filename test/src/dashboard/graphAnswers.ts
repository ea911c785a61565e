// The test's own questions to the graph, written independently of the dashboard's queries.
import { MEASURE_SELECTION, type GraphMeasure } from './renderedFigures';

export interface GraphIndicator {
  id: string;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
  current: GraphMeasure | null;
  comparisonCurrent: GraphMeasure | null;
  series: { period: string; value: GraphMeasure | null; comparison: GraphMeasure | null }[];
  /** Null when the indicator's owner did not answer (schema/README.md, "Nullability"). */
  fulfilment: { progress: number | null; met: boolean | null; status: string } | null;
}

export interface Fulfilment {
  indicators: number;
  met: number | null;
  unknown: number | null;
  share: number | null;
}

export const INDICATORS = /* GraphQL */ `{
  indicators {
    id
    baseline { date value }
    target { date value }
    current ${MEASURE_SELECTION}
    comparisonCurrent ${MEASURE_SELECTION}
    series(period: YEAR) { period value ${MEASURE_SELECTION} comparison ${MEASURE_SELECTION} }
    fulfilment { progress met status }
  }
}`;

export const GOAL_FULFILMENT = /* GraphQL */ `{
  allianceGoalFulfilment { indicators met unknown share }
  linesOfAction { code goalFulfilment { indicators met unknown share } }
}`;

export const COHORT_MEASURES = ['size', 'inEducation', 'inWork', 'onBenefits', 'partTimeJob', 'clubMember'] as const;

export const COHORT = /* GraphQL */ `query ($definition: CohortDefinitionInput!, $agreement: ID!) {
  cohort(definition: $definition, agreement: $agreement) {
    ${COHORT_MEASURES.map((field) => `${field} ${MEASURE_SELECTION}`).join('\n    ')}
  }
}`;

/** What a chart plots for a measure: its value, or a gap (null) when withheld or missing. */
export const plottedValue = (measure: GraphMeasure | null): number | null => (measure && !measure.suppressed ? measure.value : null);

const measureAsAsked = (m: GraphMeasure | null): GraphMeasure | null =>
  m && { value: m.value, unit: m.unit, suppressed: m.suppressed, suppressionReason: m.suppressionReason, perturbed: m.perturbed };

/** An exported indicator cut down to the fields `INDICATORS` asks, to compare with the graph's answer. */
export function asAsked(indicator: GraphIndicator): GraphIndicator {
  return {
    id: indicator.id,
    baseline: indicator.baseline,
    target: indicator.target,
    current: measureAsAsked(indicator.current),
    comparisonCurrent: measureAsAsked(indicator.comparisonCurrent),
    series: indicator.series.map((o) => ({ period: o.period, value: measureAsAsked(o.value), comparison: measureAsAsked(o.comparison) })),
    fulfilment: indicator.fulfilment,
  };
}
