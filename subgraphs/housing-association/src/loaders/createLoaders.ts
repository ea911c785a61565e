import {
  AreaReference,
  argsLoader,
  groupLoader,
  keyLoader,
  populationMeasureLoader,
  surveyShareMeasure,
  type Measure,
  spellsOfPersons,
} from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { Department } from '../entities/Department';
import { Tenancy } from '../entities/Tenancy';

/** SQL condition: tenancy `p` runs on the key's date, so its person is a resident that day. */
const RUNNING_ON_KEY_DATE =
  'p.moved_in_on <= k.on_date AND (p.moved_out_on IS NULL OR p.moved_out_on >= k.on_date)';

/** A safety survey asked for: one year, or the latest when `year` is null. */
export interface SafetyKey {
  estate: string;
  year: number | null;
}

interface SurveyRow {
  idx: number;
  respondents: number | null;
  feel_safe_share: number | null;
}

/**
 * The survey publishes a share; the numerator is the respondents it stands for. Disclosure control
 * treats it as any share of persons: few respondents, or few who (do not) feel safe, withhold it.
 */
function safetyMeasure(row: SurveyRow): Measure | null {
  if (row.respondents === null || row.feel_safe_share === null) return null;
  const feelSafe = Math.round(row.feel_safe_share * row.respondents);
  return surveyShareMeasure(feelSafe, row.respondents, row.feel_safe_share);
}

/** Per-request loaders: every entity lookup, list relation and measure of the association. */
export function createLoaders(db: DataSource) {
  return {
    area: keyLoader(
      (codes: readonly string[]) => db.getRepository(AreaReference).findBy({ code: In([...codes]) }),
      (area) => area.code,
    ),
    department: keyLoader(
      (codes: readonly string[]) => db.getRepository(Department).findBy({ code: In([...codes]) }),
      (department) => department.code,
    ),
    departmentsOfEstate: groupLoader(
      (estates: readonly string[]) =>
        db.getRepository(Department).find({
          where: { estateCode: In([...estates]) },
          order: { code: 'ASC' },
        }),
      (department) => department.estateCode,
    ),
    tenanciesOf: spellsOfPersons(db, Tenancy, 'movedInOn'),
    residents: populationMeasureLoader(db, { population: 'tenancy p', where: RUNNING_ON_KEY_DATE }, 'count'),
    safety: argsLoader(async (keys: readonly SafetyKey[]) => {
      const rows: SurveyRow[] = await db.query(
        `SELECT k.idx, s.respondents, s.feel_safe_share
         FROM unnest($1::int[], $2::text[], $3::int[]) AS k(idx, estate, year)
         LEFT JOIN LATERAL (
           SELECT respondents, feel_safe_share FROM safety_survey
           WHERE estate_code = k.estate AND (k.year IS NULL OR year = k.year)
           ORDER BY year DESC LIMIT 1
         ) s ON true
         ORDER BY k.idx`,
        [keys.map((_, i) => i), keys.map((k) => k.estate), keys.map((k) => k.year)],
      );
      return rows.map(safetyMeasure);
    }),
  };
}

export type HousingAssociationLoaders = ReturnType<typeof createLoaders>;
