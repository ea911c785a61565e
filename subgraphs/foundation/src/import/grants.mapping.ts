import { codeColumn, dateColumn, decimalColumn, defineMapping } from '@hub/core';

/** Grants awarded to initiatives. The initiatives and partners must be loaded first. Documented in docs/partner-it.md. */
export const grantsMapping = defineMapping({
  partner: 'foundation',
  name: 'grants',
  version: 1,
  description: 'Grants: one row per amount awarded to an initiative.',
  columns: {
    code: codeColumn('stable code of the grant, e.g. breakfast-cafe-2024-lauritzen-foundation'),
    initiative: codeColumn('code of an initiative already loaded, e.g. breakfast-cafe'),
    grantor: codeColumn('code of the partner awarding it, e.g. lauritzen-foundation'),
    amount_dkk: decimalColumn('amount in Danish kroner, no thousands separator', {
      min: 0.01,
      max: 999_999_999_999,
      places: 2,
    }),
    awarded_on: dateColumn('the day the grant was awarded'),
  },
  tables: [
    {
      // By code: a newer extract corrects the amount or date.
      table: 'grant_award',
      key: ['code'],
      rows: (row) => [
        {
          code: row.code,
          initiative_code: row.initiative,
          grantor_code: row.grantor,
          amount_dkk: row.amount_dkk,
          awarded_on: row.awarded_on,
        },
      ],
    },
  ],
});
