import {
  codeColumn,
  dateColumn,
  defineMapping,
  nationalIdColumn,
  optional,
  personColumnsOf,
  residenceColumns,
  residenceProblem,
  spellProblem,
} from '@hub/core';

/**
 * Club memberships: one row per membership. The row carries the member's birth year (from the
 * national ID) and residence, so the centre counts members by age band and area on its own. The
 * clubs must be loaded first. Documented in docs/partner-it.md.
 */
export const membershipsMapping = defineMapping({
  partner: 'volunteer-centre',
  name: 'memberships',
  version: 1,
  description: 'Club memberships: one row per membership of a resident.',
  columns: {
    cpr: nationalIdColumn("the member's national ID; pseudonymised at once, never stored"),
    club: codeColumn('code of a club already loaded, e.g. coding-pirates-esbjerg'),
    started_on: dateColumn('first day of the membership'),
    ended_on: optional(dateColumn('last day of the membership; empty while it runs')),
    ...residenceColumns(),
  },
  check: (row) => spellProblem(row.started_on, row.ended_on, 'ended_on', 'membership') ?? residenceProblem(row),
  tables: [
    {
      // By person, club and start: a newer extract records the end or a move.
      table: 'membership',
      key: ['pseudonym', 'club_code', 'started_on'],
      rows: (row) => [
        { ...personColumnsOf(row), club_code: row.club, started_on: row.started_on, ended_on: row.ended_on },
      ],
    },
  ],
});
