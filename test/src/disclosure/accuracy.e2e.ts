// What perturbation costs in accuracy, on the seed `npm start` loads (10,000 persons): every
// population count and every NEET and in-education share the municipality publishes for every
// area, age band and month end of one year, true (the register, by SQL) against published (the
// method, ../support/perturbation.ts). The README and docs/privacy.md must state these figures as
// they are now.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AGE_BAND_COMPONENTS,
  AGE_BAND_RANGES,
  AgeBand,
  DISCLOSURE_THRESHOLD,
  DISJOINT_AGE_BANDS,
  MAX_NOISE,
  shareSuppression,
  type RunningSubgraph,
} from '@hub/core';
import { municipality } from '@hub/subgraph-municipality';
import { startTestSubgraph } from '../support/hub';
import { publishedCount } from '../support/perturbation';

const T = DISCLOSURE_THRESHOLD;
const YEAR = 2025;
const MONTH_ENDS = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(YEAR, month + 1, 0)).toISOString().slice(0, 10));
const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = ['README.md', path.join('docs', 'privacy.md')];

let running: RunningSubgraph;
beforeAll(async () => {
  running = await startTestSubgraph(municipality, 10_000);
});
afterAll(() => running?.stop());

/** One area's persons of one disjoint band on one day: everyone, the NEET, those in education. */
interface Cell {
  area: string;
  on: string;
  band: number;
  all: string[];
  neet: string[];
  education: string[];
}

const status = (value: string) =>
  `EXISTS (SELECT 1 FROM youth_status_spell s WHERE s.pseudonym = p.pseudonym AND s.status = '${value}'
     AND s.started_on <= $1 AND (s.ended_on IS NULL OR s.ended_on >= $1))`;

/** Every area's cells on one day, in one statement. */
function cellsOn(on: string): Promise<Cell[]> {
  return running.database.dataSource.query(
    `SELECT a.code AS area, $1::text AS on, b.idx AS band, array_agg(p.pseudonym) AS all,
            coalesce(array_agg(p.pseudonym) FILTER (WHERE ${status('NEITHER')}), '{}') AS neet,
            coalesce(array_agg(p.pseudonym) FILTER (WHERE ${status('EDUCATION')}), '{}') AS education
     FROM area_reference a
     JOIN person p ON a.code IN (p.municipality_code, p.district_code, p.estate_code)
     JOIN unnest($2::int[], $3::int[], $4::int[]) AS b(idx, min_age, max_age)
       ON extract(year FROM $1::date)::int - p.birth_year BETWEEN b.min_age AND b.max_age
     GROUP BY 1, 2, 3`,
    [
      on,
      DISJOINT_AGE_BANDS.map((_, i) => i),
      DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].min),
      DISJOINT_AGE_BANDS.map((band) => AGE_BAND_RANGES[band].max),
    ],
  );
}

/** The persons of every published (area, band, day): composite bands join their disjoint cells. */
async function publishedCells(): Promise<Omit<Cell, 'band'>[]> {
  const cells = (await Promise.all(MONTH_ENDS.map(cellsOn))).flat();
  const keys = [...new Set(cells.map((cell) => `${cell.area}|${cell.on}`))];
  return keys.flatMap((key) => {
    const own = cells.filter((cell) => `${cell.area}|${cell.on}` === key);
    return Object.values(AgeBand).map((band) => {
      const parts = AGE_BAND_COMPONENTS[band].map((part) => own.find((cell) => cell.band === DISJOINT_AGE_BANDS.indexOf(part)));
      const join = (field: 'all' | 'neet' | 'education') => parts.flatMap((cell) => cell?.[field] ?? []);
      return { area: own[0].area, on: own[0].on, all: join('all'), neet: join('neet'), education: join('education') };
    });
  });
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/** The accuracy table of docs/privacy.md, from the seed's figures. */
function accuracyTable(cells: Omit<Cell, 'band'>[]): string {
  // Counts closer to the threshold follow their own rows of the table (docs/privacy.md); the seed's areas have none.
  const counts = cells.map((cell) => ({ truth: cell.all.length, published: publishedCount(cell.all) }));
  const large = counts.filter((c) => c.truth >= T + MAX_NOISE);
  const shares = cells.flatMap((cell) =>
    [cell.neet, cell.education].flatMap((part) => {
      const [numerator, denominator] = [publishedCount(part), publishedCount(cell.all)];
      if (shareSuppression(numerator, denominator) !== null) return [];
      return [{ truth: part.length / cell.all.length, published: numerator / denominator }];
    }),
  );
  const moved = shares.filter((s) => Math.abs(s.published - s.truth) > 0.005).length;
  return [
    `| published counts of ${T + MAX_NOISE} or more persons | ${large.length} |`,
    `| ... unchanged | ${percent(large.filter((c) => c.published === c.truth).length, large.length)} |`,
    `| ... mean absolute change | ${mean(large.map((c) => Math.abs(c.published - c.truth))).toFixed(2)} persons |`,
    `| ... largest change | ${Math.max(...large.map((c) => Math.abs(c.published - c.truth)))} persons |`,
    `| published shares (NEET, in education) | ${shares.length} |`,
    `| ... moved by more than 0.5 percentage points | ${percent(moved, shares.length)} |`,
    `| ... mean absolute change | ${mean(shares.map((s) => 100 * Math.abs(s.published - s.truth))).toFixed(2)} percentage points |`,
  ].join('\n');
}

it('the README and the privacy guide state what perturbation costs in accuracy on the seed, as it is now', async () => {
  const table = accuracyTable(await publishedCells());
  // On a change of the method or the seed, paste the new table into both.
  for (const doc of DOCS) {
    expect({ doc, stated: readFileSync(path.join(ROOT, doc), 'utf8').includes(table), table }).toEqual({ doc, stated: true, table });
  }
});
