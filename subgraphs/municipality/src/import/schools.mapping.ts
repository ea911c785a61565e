import { areaColumn, codeColumn, defineMapping, textColumn } from '@hub/core';

/** The municipality's public schools; well-being surveys refer to them by code. Documented in docs/partner-it.md. */
export const schoolsMapping = defineMapping({
  partner: 'municipality',
  name: 'schools',
  version: 1,
  description: 'Public schools: one row per school.',
  columns: {
    code: codeColumn('stable code of the school, e.g. urbanskolen'),
    name: textColumn("the school's name"),
    district: areaColumn('DISTRICT', 'district the school is in, e.g. osterbyen'),
  },
  tables: [
    {
      // By code: a newer extract renames the school or moves it.
      table: 'school',
      key: ['code'],
      rows: (row) => [{ code: row.code, name: row.name, district_code: row.district.code }],
    },
  ],
});
