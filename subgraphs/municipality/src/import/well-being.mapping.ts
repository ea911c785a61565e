import { codeColumn, decimalColumn, defineMapping, integerColumn } from '@hub/core';

/**
 * The national well-being survey, per school and school year: an aggregate, no answers per pupil.
 * The schools must be loaded first (`schools`). Documented in docs/partner-it.md.
 */
export const wellBeingMapping = defineMapping({
  partner: 'municipality',
  name: 'well-being',
  version: 1,
  description: "Well-being survey results: one row per school and school year.",
  columns: {
    school: codeColumn('code of a school already loaded, e.g. urbanskolen'),
    school_year: integerColumn('the calendar year the school year starts in (2017 means 2017/18)', {
      min: 2000,
      max: 2099,
    }),
    respondents: integerColumn('pupils who answered', { min: 1, max: 100_000 }),
    mean_score: decimalColumn('mean well-being score on the survey scale 1 (low) to 5 (high)', {
      min: 1,
      max: 5,
      places: 2,
    }),
  },
  tables: [
    {
      // By school and year: a corrected result replaces the one loaded before.
      table: 'well_being_survey',
      key: ['school_code', 'school_year'],
      rows: (row) => [
        {
          school_code: row.school,
          school_year: row.school_year,
          respondents: row.respondents,
          mean_score: row.mean_score,
        },
      ],
    },
  ],
});
