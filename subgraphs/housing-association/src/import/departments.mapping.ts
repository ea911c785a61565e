import { areaColumn, codeColumn, defineMapping, integerColumn, textColumn } from '@hub/core';

/** The association's departments (afdelinger); tenancies refer to them. Documented in docs/partner-it.md. */
export const departmentsMapping = defineMapping({
  partner: 'housing-association',
  name: 'departments',
  version: 1,
  description: 'Departments (afdelinger) of the estates: one row per department.',
  columns: {
    code: codeColumn('stable code of the department, e.g. hedelundgardparken-1'),
    estate: areaColumn('ESTATE', 'social-housing estate the department belongs to, e.g. hedelundgardparken'),
    name: textColumn("the department's name"),
    units: integerColumn('dwellings in the department', { min: 1, max: 100_000 }),
  },
  tables: [
    {
      // By code: a newer extract renames the department or changes its number of dwellings.
      table: 'department',
      key: ['code'],
      rows: (row) => [{ code: row.code, estate_code: row.estate.code, name: row.name, units: row.units }],
    },
  ],
});
