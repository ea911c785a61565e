import { defineMapping, nationalIdColumn, personColumnsOf, residenceColumns, residenceProblem } from '@hub/core';

/**
 * The register extract (CPR): one row per resident, where they live now. The municipality's
 * `person` row is the master record the other partners' pseudonyms line up with. Columns are
 * documented in docs/partner-it.md, "Importing data".
 */
export const personsMapping = defineMapping({
  partner: 'municipality',
  name: 'persons',
  version: 1,
  description: 'Register extract: one row per resident and where they live.',
  columns: {
    cpr: nationalIdColumn("the person's national ID; pseudonymised at once, never stored"),
    ...residenceColumns(),
  },
  check: residenceProblem,
  tables: [
    {
      // By pseudonym: a newer extract updates where the person lives.
      table: 'person',
      key: ['pseudonym'],
      rows: (row) => [personColumnsOf(row)],
    },
  ],
});
