import { SuppressionReason, meanMeasure, meanSuppression, unknownArea, type Measure } from '@hub/core';
import type { DataSource } from 'typeorm';
import { School } from '../entities/School';

/**
 * SQL condition: a school whose district row is `district` lies in area `area`. Schools are
 * registered by district, so a district holds its own and the municipality those of all its
 * districts; an estate holds none.
 */
const schoolInArea = (district: string, area: string) => `${area}.code IN (${district}.code, ${district}.parent_code)`;

/** A school of an area, tagged with the area asked so a group loader can sort it. */
export interface AreaSchool {
  areaCode: string;
  school: School;
}

export async function fetchSchoolsOfAreas(db: DataSource, codes: readonly string[]): Promise<AreaSchool[]> {
  const rows: { area_code: string; code: string; name: string; district_code: string }[] = await db.query(
    `SELECT a.code AS area_code, s.code, s.name, s.district_code
     FROM area_reference a
     JOIN area_reference d ON ${schoolInArea('d', 'a')}
     JOIN school s ON s.district_code = d.code
     WHERE a.code = ANY($1)
     ORDER BY s.code`,
    [codes],
  );
  return rows.map((row) => ({
    areaCode: row.area_code,
    school: Object.assign(new School(), { code: row.code, name: row.name, districtCode: row.district_code }),
  }));
}

export interface AreaWellBeingKey {
  area: string;
  /** Null: the latest school year surveyed. */
  schoolYear: number | null;
}

/**
 * Mean well-being over the schools of each area, weighted by respondents, for every key in one
 * statement. The value is null for an area with no surveyed school that year (an estate).
 * Disclosure control: an area's mean is a respondent-weighted sum of its schools' means, so the
 * area minus its other schools would give a school withheld for too few respondents; the area's
 * mean is therefore withheld (SECONDARY) when any of its schools' would be.
 */
export async function meanWellBeingOfAreas(
  db: DataSource,
  keys: readonly AreaWellBeingKey[],
): Promise<(Measure | Error)[]> {
  const rows: { known: string | null; respondents: number; mean: number | null; fewest: number | null }[] = await db.query(
    `WITH k AS (SELECT * FROM unnest($1::int[], $2::text[], $3::int[]) AS k(idx, area, school_year))
     SELECT k.idx, a.code AS known,
            coalesce(sum(w.respondents), 0)::int AS respondents,
            (sum(w.respondents * w.mean_score) / nullif(sum(w.respondents), 0))::float AS mean,
            min(w.respondents)::int AS fewest
     FROM k
     LEFT JOIN area_reference a ON a.code = k.area
     LEFT JOIN (well_being_survey w
                JOIN school s ON s.code = w.school_code
                JOIN area_reference d ON d.code = s.district_code)
       ON ${schoolInArea('d', 'a')}
      AND w.school_year = coalesce(k.school_year, (SELECT max(school_year) FROM well_being_survey))
     GROUP BY k.idx, a.code
     ORDER BY k.idx`,
    [keys.map((_, i) => i), keys.map((k) => k.area), keys.map((k) => k.schoolYear)],
  );
  return rows.map((row, i) =>
    row.known === null
      ? unknownArea(keys[i].area)
      : meanMeasure(
          row.mean,
          row.respondents,
          row.fewest !== null && meanSuppression(row.fewest) !== null ? SuppressionReason.SECONDARY : null,
        ),
  );
}
