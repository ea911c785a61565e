import { areaColumn, decimalColumn, defineMapping, integerColumn } from '@hub/core';

/** The yearly safety (tryghed) survey per estate: an aggregate, no answers per person. Documented in docs/partner-it.md. */
export const safetySurveysMapping = defineMapping({
  partner: 'housing-association',
  name: 'safety-surveys',
  version: 1,
  description: 'Safety (tryghed) survey results: one row per estate and year.',
  columns: {
    estate: areaColumn('ESTATE', 'the estate surveyed, e.g. hedelundgardparken'),
    year: integerColumn('the year of the survey', { min: 2000, max: 2099 }),
    respondents: integerColumn('residents who answered', { min: 1, max: 100_000 }),
    feel_safe_share: decimalColumn('share of respondents who feel safe, 0 to 1 (0.75 is 75 %)', {
      min: 0,
      max: 1,
      places: 4,
    }),
  },
  tables: [
    {
      // By estate and year: a corrected result replaces the one loaded before.
      table: 'safety_survey',
      key: ['estate_code', 'year'],
      rows: (row) => [
        {
          estate_code: row.estate.code,
          year: row.year,
          respondents: row.respondents,
          feel_safe_share: row.feel_safe_share,
        },
      ],
    },
  ],
});
