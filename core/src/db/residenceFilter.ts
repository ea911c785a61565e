/**
 * SQL condition: the row `alias` (with Residence columns) lives in area `areaAlias` (an
 * `area_reference` row), whatever the area's level.
 */
export function livesIn(alias: string, areaAlias: string): string {
  return `CASE ${areaAlias}.kind
    WHEN 'MUNICIPALITY' THEN ${alias}.municipality_code = ${areaAlias}.code
    WHEN 'DISTRICT' THEN ${alias}.district_code = ${areaAlias}.code
    ELSE ${alias}.estate_code = ${areaAlias}.code END`;
}

/** SQL condition: a spell (`started_on`, `ended_on` with null = running) covers `dateExpr`. */
export function covers(alias: string, dateExpr: string): string {
  return `(${alias}.started_on <= ${dateExpr} AND (${alias}.ended_on IS NULL OR ${alias}.ended_on >= ${dateExpr}))`;
}
