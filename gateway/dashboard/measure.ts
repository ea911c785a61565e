// How the dashboard shows a Measure: the value with its unit, or "suppressed" with the reason, never 0 or blank.
import { h } from './dom';

export type MeasureUnit = 'SHARE' | 'COUNT' | 'MEAN' | 'AMOUNT_DKK';
export type SuppressionReason = 'BELOW_THRESHOLD' | 'DENOMINATOR_BELOW_THRESHOLD' | 'COMPLEMENT_BELOW_THRESHOLD' | 'SECONDARY';

/** The hub's aggregate after disclosure control (type `Measure`), as operations/MeasureCell.graphql asks it. */
export interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: MeasureUnit;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  perturbed: boolean;
}

/** The mark of a perturbed figure, and what it means (docs/privacy.md, "Disclosure control"). */
export const PERTURBED_MARK = '≈';
export const PERTURBED_NOTE =
  'Perturbed by disclosure control: each count may differ from the true count by up to 2 persons, the same persons always by the same amount.';

export const SUPPRESSION_REASONS: Record<SuppressionReason, string> = {
  BELOW_THRESHOLD: 'Withheld by disclosure control: it rests on too few persons.',
  DENOMINATOR_BELOW_THRESHOLD: 'Withheld by disclosure control: the group it is a share of is too small.',
  COMPLEMENT_BELOW_THRESHOLD: 'Withheld by disclosure control: all but a few have the property, which would single those few out.',
  SECONDARY: 'Withheld by disclosure control so that another withheld figure cannot be worked out from it.',
};

const numberFormats: Record<MeasureUnit, Intl.NumberFormat> = {
  SHARE: new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  COUNT: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
  MEAN: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  AMOUNT_DKK: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }),
};

const plainNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A value in its unit; a plain number when the unit is unknown (no measure of it came back). */
export const formatValue = (value: number, unit: MeasureUnit | null): string => (unit ? numberFormats[unit] : plainNumber).format(value);

/**
 * What a Measure cell says: the value with its unit, "suppressed", "no data" (the partner had
 * none), or "unknown" (no answer: the partner that owns it failed). Never 0 or blank.
 */
export function measureText(measure: Measure | null | undefined): string {
  if (!measure) return 'unknown';
  if (measure.suppressed) return 'suppressed';
  if (measure?.value == null) return 'no data';
  const text = formatValue(measure.value, measure.unit);
  return measure.perturbed ? `${PERTURBED_MARK}${text}` : text;
}

/** The tooltip: the counts behind a value, or why it was withheld. */
export function measureTitle(measure: Measure | null | undefined): string | undefined {
  if (!measure) return 'No answer for this figure.';
  if (measure.suppressed) return measure.suppressionReason ? SUPPRESSION_REASONS[measure.suppressionReason] : 'Withheld by disclosure control.';
  const lines = [countsBehind(measure), measure.perturbed ? PERTURBED_NOTE : undefined].filter((line) => line !== undefined);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function countsBehind(measure: Measure): string | undefined {
  if (measure.unit === 'SHARE' && measure.numerator != null && measure.denominator != null) {
    return `${formatValue(measure.numerator, 'COUNT')} of ${formatValue(measure.denominator, 'COUNT')} persons`;
  }
  if (measure.unit === 'MEAN' && measure.numerator != null) return `Mean of ${formatValue(measure.numerator, 'COUNT')} respondents (scale 1-5)`;
  return undefined;
}

/**
 * A Measure as a table cell. Its data-* attributes carry the figure exactly as the graph answered,
 * for tests and for anyone reading the page with a script.
 */
export function measureCell(measure: Measure | null | undefined, attributes: Record<string, string> = {}): HTMLTableCellElement {
  return h(
    'td',
    {
      ...attributes,
      class: !measure ? 'measure unknown' : measure.suppressed ? 'measure suppressed' : measure.value == null ? 'measure missing' : 'measure',
      title: measureTitle(measure),
      'data-measure': '',
      'data-value': measure?.value ?? '',
      'data-unit': measure?.unit ?? '',
      'data-suppressed': measure ? String(measure.suppressed) : '',
      'data-perturbed': measure ? String(measure.perturbed) : '',
      'data-reason': measure?.suppressionReason ?? undefined,
    },
    measureText(measure),
  );
}

/** An age band as people write it: AGE_15_24 → "15-24". */
export const ageBandText = (ageBand: string): string => ageBand.replace(/^AGE_/, '').replace('_', '-');
