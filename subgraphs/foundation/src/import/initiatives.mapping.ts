import {
  AgeBand,
  anyAreaColumn,
  codeColumn,
  dateColumn,
  defineMapping,
  LineOfActionCode,
  oneOfColumn,
  optional,
  spellProblem,
  textColumn,
} from '@hub/core';

const CODE = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * The alliance's initiatives and the partners running them (lead partner first). The partners
 * must be loaded first (`partners`). Documented in docs/partner-it.md.
 */
export const initiativesMapping = defineMapping({
  partner: 'foundation',
  name: 'initiatives',
  version: 1,
  description: 'Initiatives: one row per initiative, with the partners that run it.',
  columns: {
    code: codeColumn('stable code of the initiative, e.g. part-time-job-programme'),
    name: textColumn("the initiative's name"),
    description: textColumn('what the initiative does, in a sentence or two'),
    line_of_action: oneOfColumn(Object.values(LineOfActionCode), 'the line of action it serves'),
    age_band: oneOfColumn(Object.values(AgeBand), 'the age group it targets'),
    area: anyAreaColumn('where it runs: the municipality, a district or an estate, e.g. osterbyen'),
    started_on: dateColumn('first day of the initiative'),
    ended_on: optional(dateColumn('last day of the initiative; empty while it runs')),
    partners: textColumn('codes of the partners running it, separated by spaces, the lead partner first', {
      regex: new RegExp(`^${CODE}(?: +${CODE})*$`),
      type: 'partner codes separated by spaces',
    }),
  },
  check(row) {
    const codes = partnerCodes(row.partners);
    const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
    if (repeated) return { column: 'partners', reason: `partner ${repeated} is named twice` };
    return spellProblem(row.started_on, row.ended_on, 'ended_on', 'initiative');
  },
  tables: [
    {
      // By code: a newer extract updates the initiative, e.g. its end date.
      table: 'initiative',
      key: ['code'],
      rows: (row) => [
        {
          code: row.code,
          name: row.name,
          description: row.description,
          line_of_action: row.line_of_action,
          age_band: row.age_band,
          area_code: row.area.code,
          started_on: row.started_on,
          ended_on: row.ended_on,
        },
      ],
    },
    {
      // By initiative and partner: a newer extract may reorder them. A partner left out of a
      // newer extract is not removed (no import deletes rows).
      table: 'initiative_partner',
      key: ['initiative_code', 'partner_code'],
      rows: (row) =>
        partnerCodes(row.partners).map((partner, position) => ({
          initiative_code: row.code,
          partner_code: partner,
          position,
        })),
    },
  ],
});

function partnerCodes(cell: string): string[] {
  return cell.split(/ +/);
}
