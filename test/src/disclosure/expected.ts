// Expected measures for tests that check answers against direct SQL: the counts come from the
// test's own SQL, the verdict from the public disclosure rules of @hub/core, so a test states
// "this is what SQL counts, after the published rules", not a copy of the subgraph's code.
import {
  AGE_BAND_COMPONENTS,
  AGE_BAND_RANGES,
  COUNT_CELLS,
  DISJOINT_AGE_BANDS,
  SHARE_CELLS,
  areaAgeSuppression,
  countSuppression,
  meanSuppression,
  type AgeBand,
  type AreaAgeTable,
  type ShareCounts,
  type SuppressionReason,
} from '@hub/core';

/** A measure as JSON, every field selected. */
export interface MeasureJson {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

/** The selection that gives a whole `MeasureJson`. */
export const MEASURE_FIELDS = '{ value numerator denominator unit suppressed suppressionReason }';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL
export type Sql = (text: string, params?: unknown[]) => Promise<any[]>;

/** The residence column that places a row in an area of each kind. */
export const AREA_COLUMN: Record<string, string> = {
  MUNICIPALITY: 'municipality_code',
  DISTRICT: 'district_code',
  ESTATE: 'estate_code',
};

function withheld(unit: string, reason: SuppressionReason): MeasureJson {
  return { value: null, numerator: null, denominator: null, unit, suppressed: true, suppressionReason: reason };
}

/** `fields` of `measure`, for comparing with an answer that selected only those. */
export function pick<K extends keyof MeasureJson>(measure: MeasureJson, ...fields: K[]): Pick<MeasureJson, K> {
  return Object.fromEntries(fields.map((field) => [field, measure[field]])) as Pick<MeasureJson, K>;
}

/**
 * The disclosure table of `area` on one date, counted by `countIn(column, code, min, max)` for
 * each area row and disjoint band: the area itself and, for a district, every district of its
 * municipality (the rows that add up to a published total).
 */
export async function sqlTable<C>(
  sql: Sql,
  area: string,
  countIn: (column: string, code: string, minAge: number, maxAge: number) => Promise<C>,
  breakdown = false,
): Promise<AreaAgeTable<C>> {
  const [asked] = await sql('SELECT kind, parent_code FROM area_reference WHERE code = $1', [area]);
  const districts = asked.kind === 'DISTRICT';
  const codes: string[] = districts
    ? (await sql(`SELECT code FROM area_reference WHERE kind = 'DISTRICT' AND parent_code = $1 ORDER BY code`, [asked.parent_code])).map(
        (row) => row.code,
      )
    : [area];
  const rows = [];
  for (const code of codes) {
    const cells: C[] = [];
    for (const band of DISJOINT_AGE_BANDS) {
      cells.push(await countIn(AREA_COLUMN[asked.kind], code, AGE_BAND_RANGES[band].min, AGE_BAND_RANGES[band].max));
    }
    rows.push({ area: code, cells });
  }
  return { rows, districts, breakdown };
}

function bandCells<C>(table: AreaAgeTable<C>, area: string, band: AgeBand): C[] {
  const row = table.rows.find((r) => r.area === area)!;
  return AGE_BAND_COMPONENTS[band].map((part) => row.cells[DISJOINT_AGE_BANDS.indexOf(part)]);
}

/** The count of persons of `band` in `area`, as the rules publish it. */
export function expectedCount(table: AreaAgeTable<number>, area: string, band: AgeBand): MeasureJson {
  const count = COUNT_CELLS.sum(bandCells(table, area, band));
  const reason = areaAgeSuppression(table, area, band, COUNT_CELLS);
  return reason
    ? withheld('COUNT', reason)
    : { value: count, numerator: count, denominator: null, unit: 'COUNT', suppressed: false, suppressionReason: null };
}

/** The share of `band` in `area`, as the rules publish it. */
export function expectedShare(table: AreaAgeTable<ShareCounts>, area: string, band: AgeBand): MeasureJson {
  const { numerator, denominator } = SHARE_CELLS.sum(bandCells(table, area, band));
  const reason = areaAgeSuppression(table, area, band, SHARE_CELLS);
  return reason
    ? withheld('SHARE', reason)
    : { value: numerator / denominator, numerator, denominator, unit: 'SHARE', suppressed: false, suppressionReason: null };
}

/** A count of persons on no table (placements of all years): the primary rule alone. */
export function expectedPlainCount(count: number): MeasureJson {
  const reason = countSuppression(count);
  return reason
    ? withheld('COUNT', reason)
    : { value: count, numerator: count, denominator: null, unit: 'COUNT', suppressed: false, suppressionReason: null };
}

/** A mean over respondents; `secondary` when a part it is made of is withheld. */
export function expectedMean(mean: number | null, respondents: number, secondary: SuppressionReason | null = null): MeasureJson {
  const reason = meanSuppression(respondents) ?? secondary;
  return reason
    ? withheld('MEAN', reason)
    : { value: mean, numerator: respondents, denominator: null, unit: 'MEAN', suppressed: false, suppressionReason: null };
}
