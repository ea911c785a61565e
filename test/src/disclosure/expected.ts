// Expected measures for tests that check answers against direct SQL: the persons come from the
// test's own SQL, the published figures from the public disclosure layer of @hub/core (the cell
// key method: record keys computed independently in ../support/perturbation.ts, the perturbation
// table, the primary rules), so a test states "these are the persons SQL finds, after the
// published method", not a copy of the subgraph's code.
import {
  AGE_BAND_COMPONENTS,
  AGE_BAND_RANGES,
  DISJOINT_AGE_BANDS,
  countSuppression,
  meanSuppression,
  shareSuppression,
  type AgeBand,
  type SuppressionReason,
} from '@hub/core';
import { publishedCount } from '../support/perturbation';

/** A measure as JSON, every field selected. */
export interface MeasureJson {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  perturbed: boolean;
}

/** The selection that gives a whole `MeasureJson`. */
export const MEASURE_FIELDS = '{ value numerator denominator unit suppressed suppressionReason perturbed }';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL
export type Sql = (text: string, params?: unknown[]) => Promise<any[]>;

/** The residence column that places a row in an area of each kind. */
export const AREA_COLUMN: Record<string, string> = {
  MUNICIPALITY: 'municipality_code',
  DISTRICT: 'district_code',
  ESTATE: 'estate_code',
};

/** The persons behind a share: those with the property, and the whole group. */
export interface SharePersons {
  numerator: string[];
  denominator: string[];
}

function withheld(unit: string, reason: SuppressionReason, perturbed: boolean): MeasureJson {
  return { value: null, numerator: null, denominator: null, unit, suppressed: true, suppressionReason: reason, perturbed };
}

/** `fields` of `measure`, for comparing with an answer that selected only those. */
export function pick<K extends keyof MeasureJson>(measure: MeasureJson, ...fields: K[]): Pick<MeasureJson, K> {
  return Object.fromEntries(fields.map((field) => [field, measure[field]])) as Pick<MeasureJson, K>;
}

/**
 * The cells of `area` on one date, one per disjoint band, found by `personsIn(column, code, min,
 * max)`: the pseudonyms (or, for a share, both groups of pseudonyms) of the band's ages.
 */
export async function sqlTable<C>(
  sql: Sql,
  area: string,
  personsIn: (column: string, code: string, minAge: number, maxAge: number) => Promise<C>,
): Promise<C[]> {
  const [asked] = await sql('SELECT kind FROM area_reference WHERE code = $1', [area]);
  const cells: C[] = [];
  for (const band of DISJOINT_AGE_BANDS) {
    cells.push(await personsIn(AREA_COLUMN[asked.kind], area, AGE_BAND_RANGES[band].min, AGE_BAND_RANGES[band].max));
  }
  return cells;
}

function bandCells<C>(cells: readonly C[], band: AgeBand): C[] {
  return AGE_BAND_COMPONENTS[band].map((part) => cells[DISJOINT_AGE_BANDS.indexOf(part)]);
}

/** The count of these records as the hub publishes it: perturbed, then the count rule. */
export function expectedPlainCount(records: readonly string[]): MeasureJson {
  const count = publishedCount(records);
  const reason = countSuppression(count);
  return reason
    ? withheld('COUNT', reason, true)
    : { value: count, numerator: count, denominator: null, unit: 'COUNT', suppressed: false, suppressionReason: null, perturbed: true };
}

/** The count of persons of `band` from the cells of its disjoint bands. */
export function expectedCount(cells: readonly string[][], band: AgeBand): MeasureJson {
  return expectedPlainCount(bandCells(cells, band).flat());
}

/** The share of `part` among `whole`, as the hub publishes it. */
export function expectedPlainShare(part: readonly string[], whole: readonly string[]): MeasureJson {
  const [numerator, denominator] = [publishedCount(part), publishedCount(whole)];
  const reason = shareSuppression(numerator, denominator);
  return reason
    ? withheld('SHARE', reason, true)
    : { value: numerator / denominator, numerator, denominator, unit: 'SHARE', suppressed: false, suppressionReason: null, perturbed: true };
}

/** The share of `band` from the cells of its disjoint bands. */
export function expectedShare(cells: readonly SharePersons[], band: AgeBand): MeasureJson {
  const parts = bandCells(cells, band);
  return expectedPlainShare(
    parts.flatMap((cell) => cell.numerator),
    parts.flatMap((cell) => cell.denominator),
  );
}

/** A mean over respondents (survey results, not perturbed); `secondary` when a part it is made of is withheld. */
export function expectedMean(mean: number | null, respondents: number, secondary: SuppressionReason | null = null): MeasureJson {
  const reason = meanSuppression(respondents) ?? secondary;
  return reason
    ? withheld('MEAN', reason, false)
    : { value: mean, numerator: respondents, denominator: null, unit: 'MEAN', suppressed: false, suppressionReason: null, perturbed: false };
}
