import { areaColumn, dateColumn, defineMapping, nationalIdColumn, oneOfColumn, optional } from '@hub/core';
import { EmploymentKind } from '../entities/enums';

/**
 * Employment spells from the jobcentre's own systems (income register): one row per job.
 * Each row also brings the person's birth year (from the national ID) and where they live, for
 * the `citizen` row the jobs hang on. Columns are documented in docs/partner-it.md, "Importing data".
 */
export const employmentMapping = defineMapping({
  partner: 'jobcentre',
  name: 'employment',
  version: 1,
  description: 'Employment spells: one row per job of a resident.',
  columns: {
    cpr: nationalIdColumn("the person's national ID; pseudonymised at once, never stored"),
    kind: oneOfColumn(Object.values(EmploymentKind), "part-time (the young people's jobs) or full-time"),
    started_on: dateColumn('first day of the job'),
    ended_on: optional(dateColumn('last day of the job; empty while it runs')),
    district: areaColumn('DISTRICT', 'district the person lives in, e.g. osterbyen'),
    estate: optional(
      areaColumn('ESTATE', 'social-housing estate the person lives in, if any, e.g. hedelundgardparken'),
    ),
  },
  check(row) {
    if (row.ended_on !== null && row.ended_on < row.started_on) {
      return { column: 'ended_on', reason: `the job ends (${row.ended_on}) before it starts (${row.started_on})` };
    }
    if (row.estate && row.estate.parentCode !== row.district.code) {
      return { column: 'estate', reason: `estate ${row.estate.code} is not in district ${row.district.code}` };
    }
    return undefined;
  },
  tables: [
    {
      // The person, by pseudonym: a newer extract updates where they live.
      table: 'citizen',
      key: ['pseudonym'],
      rows: (row) => [
        {
          pseudonym: row.cpr.pseudonym,
          birth_year: row.cpr.birthYear,
          municipality_code: row.district.parentCode,
          district_code: row.district.code,
          estate_code: row.estate?.code ?? null,
        },
      ],
    },
    {
      // The job, by person, kind and start: a newer extract updates its end date.
      table: 'employment_spell',
      key: ['pseudonym', 'kind', 'started_on'],
      rows: (row) => [
        { pseudonym: row.cpr.pseudonym, kind: row.kind, started_on: row.started_on, ended_on: row.ended_on },
      ],
    },
  ],
});
