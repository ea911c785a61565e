import { defineMapping, LineOfActionCode, oneOfColumn, textColumn } from '@hub/core';

/**
 * The alliance's lines of action, named in its own words; initiatives refer to them, so a new
 * database loads these first. Documented in docs/partner-it.md.
 */
export const linesOfActionMapping = defineMapping({
  partner: 'foundation',
  name: 'lines-of-action',
  version: 1,
  description: "The alliance's lines of action: one row per line, its name and aim.",
  columns: {
    code: oneOfColumn(Object.values(LineOfActionCode), 'the line of action'),
    name: textColumn('its name in the alliance, e.g. Job and profession'),
    description: textColumn('its aim, in a sentence'),
  },
  tables: [
    {
      // By code: a newer extract renames the line or restates its aim.
      table: 'line_of_action',
      key: ['code'],
      rows: (row) => [{ code: row.code, name: row.name, description: row.description }],
    },
  ],
});
