import { areaColumn, codeColumn, defineMapping, LineOfActionCode, oneOfColumn, textColumn } from '@hub/core';

/** The clubs and associations registered with the centre; memberships refer to them. Documented in docs/partner-it.md. */
export const clubsMapping = defineMapping({
  partner: 'volunteer-centre',
  name: 'clubs',
  version: 1,
  description: 'Clubs and associations: one row per club.',
  columns: {
    code: codeColumn('stable code of the club, e.g. coding-pirates-esbjerg'),
    name: textColumn("the club's name"),
    activity: textColumn('what the members do together, e.g. football or homework help'),
    line_of_action: oneOfColumn(Object.values(LineOfActionCode), "the alliance's line of action the club serves"),
    district: areaColumn('DISTRICT', 'district the club meets in, e.g. osterbyen'),
  },
  tables: [
    {
      // By code: a newer extract updates the club's name, activity or district.
      table: 'club',
      key: ['code'],
      rows: (row) => [
        {
          code: row.code,
          name: row.name,
          activity: row.activity,
          line_of_action: row.line_of_action,
          district_code: row.district.code,
        },
      ],
    },
  ],
});
