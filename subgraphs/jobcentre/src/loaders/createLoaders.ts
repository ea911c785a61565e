import {
  argsLoader,
  countMeasure,
  covers,
  keyLoader,
  populationMeasureLoader,
  shareMeasure,
  spellsOfPersons,
} from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { BenefitSpell } from '../entities/BenefitSpell';
import { Citizen } from '../entities/Citizen';
import { EmploymentSpell } from '../entities/EmploymentSpell';

/** SQL condition: person `p` has a running spell of `kind` in `table` on the key's date. */
function hasSpell(table: string, kinds: string): string {
  return `EXISTS (SELECT 1 FROM ${table} s WHERE s.pseudonym = p.pseudonym
            AND s.kind IN (${kinds}) AND ${covers('s', 'k.on_date')})`;
}

export interface PlacementKey {
  initiative: string;
  year: number | null;
}

const toShare = (c: { numerator: number; denominator: number }) =>
  shareMeasure(c.numerator, c.denominator);

/** Per-request loaders: every entity lookup, list relation and measure of the jobcentre. */
export function createLoaders(db: DataSource) {
  return {
    citizen: keyLoader(
      (pseudonyms: readonly string[]) =>
        db.getRepository(Citizen).findBy({ pseudonym: In([...pseudonyms]) }),
      (citizen) => citizen.pseudonym,
    ),
    employmentOf: spellsOfPersons(db, EmploymentSpell),
    benefitsOf: spellsOfPersons(db, BenefitSpell),
    partTimeJobShare: populationMeasureLoader(
      db,
      { population: 'citizen p', numerator: hasSpell('employment_spell', `'PART_TIME_JOB'`) },
      toShare,
    ),
    benefitShare: populationMeasureLoader(
      db,
      {
        population: 'citizen p',
        numerator: hasSpell('benefit_spell', `'CASH_BENEFIT', 'EDUCATION_BENEFIT', 'UNEMPLOYMENT_BENEFIT'`),
      },
      toShare,
    ),
    placements: argsLoader(async (keys: readonly PlacementKey[]) => {
      const rows: { idx: number; placements: number }[] = await db.query(
        `SELECT k.idx, count(pl.id)::int AS placements
         FROM unnest($1::int[], $2::text[], $3::int[]) AS k(idx, initiative, year)
         LEFT JOIN placement pl ON pl.initiative_code = k.initiative
          AND (k.year IS NULL OR extract(year FROM pl.placed_on)::int = k.year)
         GROUP BY k.idx ORDER BY k.idx`,
        [keys.map((_, i) => i), keys.map((k) => k.initiative), keys.map((k) => k.year)],
      );
      return rows.map((row) => countMeasure(row.placements));
    }),
  };
}

export type JobcentreLoaders = ReturnType<typeof createLoaders>;
