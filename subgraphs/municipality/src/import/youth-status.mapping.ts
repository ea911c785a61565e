import {
  dateColumn,
  defineMapping,
  nationalIdColumn,
  oneOfColumn,
  optional,
  personColumnsOf,
  residenceColumns,
  residenceProblem,
  spellProblem,
} from '@hub/core';
import { YouthStatus } from '../entities/enums';

/**
 * The youth guidance register: one row per status spell of a 15-24-year-old. Each row also brings
 * the person's residence, for the `person` row the spells hang on (so the extract loads whether or
 * not the register extract came first). Columns are documented in docs/partner-it.md.
 */
export const youthStatusMapping = defineMapping({
  partner: 'municipality',
  name: 'youth-status',
  version: 1,
  description: 'Youth guidance register: one row per spell in education, in work or in neither.',
  columns: {
    cpr: nationalIdColumn("the person's national ID; pseudonymised at once, never stored"),
    status: oneOfColumn(Object.values(YouthStatus), 'in education, in work, or in neither (NEET)'),
    started_on: dateColumn('first day with this status'),
    ended_on: optional(dateColumn('last day with this status; empty while it lasts')),
    ...residenceColumns(),
  },
  check: (row) => spellProblem(row.started_on, row.ended_on, 'ended_on', 'status') ?? residenceProblem(row),
  tables: [
    { table: 'person', key: ['pseudonym'], rows: (row) => [personColumnsOf(row)] },
    {
      // One status at a time: by person and start, a newer extract corrects the status or ends it.
      table: 'youth_status_spell',
      key: ['pseudonym', 'started_on'],
      rows: (row) => [
        { pseudonym: row.cpr.pseudonym, status: row.status, started_on: row.started_on, ended_on: row.ended_on },
      ],
    },
  ],
});
