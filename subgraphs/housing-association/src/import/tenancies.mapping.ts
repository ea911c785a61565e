import {
  areaColumn,
  codeColumn,
  dateColumn,
  defineMapping,
  integerColumn,
  nationalIdColumn,
  optional,
  personColumnsOf,
  residenceProblem,
  spellProblem,
} from '@hub/core';

/**
 * Tenancies, household members included: one row per person and dwelling. The row carries the
 * person's birth year (from the national ID) and residence, as the population measures count
 * these rows. The departments must be loaded first. Documented in docs/partner-it.md.
 */
export const tenanciesMapping = defineMapping({
  partner: 'housing-association',
  name: 'tenancies',
  version: 1,
  description: 'Tenancies: one row per resident (household members too) and dwelling.',
  columns: {
    cpr: nationalIdColumn("the resident's national ID; pseudonymised at once, never stored"),
    department: codeColumn('code of a department already loaded, e.g. hedelundgardparken-1'),
    unit_number: integerColumn('dwelling number within the department', { min: 1, max: 100_000 }),
    moved_in_on: dateColumn('first day of the tenancy'),
    moved_out_on: optional(dateColumn('last day of the tenancy; empty while it runs')),
    district: areaColumn('DISTRICT', 'district the estate is in, e.g. hedelund'),
    estate: areaColumn('ESTATE', "estate of the department, e.g. hedelundgardparken"),
  },
  check: (row) => spellProblem(row.moved_in_on, row.moved_out_on, 'moved_out_on', 'tenancy') ?? residenceProblem(row),
  tables: [
    {
      // By person, department and move-in day: a newer extract records the move-out. The
      // department's estate is checked by the table's foreign key (department, estate).
      table: 'tenancy',
      key: ['pseudonym', 'department_code', 'moved_in_on'],
      rows: (row) => [
        {
          ...personColumnsOf(row),
          department_code: row.department,
          unit_number: row.unit_number,
          moved_in_on: row.moved_in_on,
          moved_out_on: row.moved_out_on,
        },
      ],
    },
  ],
});
