import { codeColumn, dateColumn, defineMapping, oneOfColumn, textColumn } from '@hub/core';
import { GovernanceRole, PartnerKind } from '../entities/enums';

/** The alliance's partners (organisations, no persons); initiatives and grants refer to them. Documented in docs/partner-it.md. */
export const partnersMapping = defineMapping({
  partner: 'foundation',
  name: 'partners',
  version: 1,
  description: 'Partners of the alliance: one row per organisation.',
  columns: {
    code: codeColumn('stable code of the partner, e.g. jobcentre-esbjerg'),
    name: textColumn("the organisation's name"),
    kind: oneOfColumn(Object.values(PartnerKind), 'what kind of organisation it is'),
    governance_role: oneOfColumn(Object.values(GovernanceRole), 'board (partner group), steering group, or activities only'),
    joined_on: dateColumn('the day the partner joined the alliance'),
  },
  tables: [
    {
      // By code: a newer extract renames the partner or changes its role.
      table: 'partner',
      key: ['code'],
      rows: (row) => [
        {
          code: row.code,
          name: row.name,
          kind: row.kind,
          governance_role: row.governance_role,
          joined_on: row.joined_on,
        },
      ],
    },
  ],
});
