import { housingAssociation, housingAssociationMappings } from '@hub/subgraph-housing-association';
import { syntheticCpr } from './extracts';
import {
  describeDataset,
  describeExamplesThroughCli,
  describeNoNationalIdStored,
  partnerDatabase,
  pseudonymOf,
} from './partnerImports';

const [departments, tenancies, safetySurveys] = housingAssociationMappings;

describe('importing housing association extracts into its seeded database', () => {
  const db = partnerDatabase(housingAssociation);

  describeDataset(db, {
    mapping: departments,
    good: ['hedelundgardparken-9,hedelundgardparken,"Hedelundgårdparken, afdeling 9",120', 'stengardsvej-9,stengardsvej,Stengårdsvej 9,80'],
    written: [{ table: 'department', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT code, estate_code, name, units FROM department WHERE code LIKE '%-9' ORDER BY code`,
      rows: [
        { code: 'hedelundgardparken-9', estate_code: 'hedelundgardparken', name: 'Hedelundgårdparken, afdeling 9', units: 120 },
        { code: 'stengardsvej-9', estate_code: 'stengardsvej', name: 'Stengårdsvej 9', units: 80 },
      ],
    },
    bad: {
      row: 'kvaglundparken-9,kvaglundparken,Kvaglundparken 9,0',
      problem: { column: 'units', reason: 'expected a whole number from 1 to 100000, got 0' },
    },
  });

  describeDataset(db, {
    mapping: tenancies,
    good: [
      `${syntheticCpr(30)},hedelundgardparken-1,12,2015-04-01,,hedelund,hedelundgardparken`,
      `${syntheticCpr(31)},stengardsvej-2,40,2019-10-01,2024-06-30,osterbyen,stengardsvej`,
    ],
    written: [{ table: 'tenancy', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT birth_year, district_code, estate_code, department_code, unit_number,
                   moved_in_on::text, moved_out_on::text
            FROM tenancy WHERE pseudonym = ANY($1) ORDER BY moved_in_on`,
      params: [[pseudonymOf(30), pseudonymOf(31)]],
      rows: [
        {
          birth_year: 2000,
          district_code: 'hedelund',
          estate_code: 'hedelundgardparken',
          department_code: 'hedelundgardparken-1',
          unit_number: 12,
          moved_in_on: '2015-04-01',
          moved_out_on: null,
        },
        {
          birth_year: 2001,
          district_code: 'osterbyen',
          estate_code: 'stengardsvej',
          department_code: 'stengardsvej-2',
          unit_number: 40,
          moved_in_on: '2019-10-01',
          moved_out_on: '2024-06-30',
        },
      ],
    },
    bad: {
      row: `${syntheticCpr(32)},kvaglundparken-1,7,2020-01-01,2019-12-31,kvaglund,kvaglundparken`,
      problem: { column: 'moved_out_on', reason: 'the tenancy ends (2019-12-31) before it starts (2020-01-01)' },
    },
    // A department of another estate than the row's: the table's foreign key refuses it.
    dangling: `${syntheticCpr(33)},stengardsvej-1,3,2020-01-01,,hedelund,hedelundgardparken`,
  });

  describeDataset(db, {
    mapping: safetySurveys,
    good: ['hedelundgardparken,2030,231,0.68', 'stengardsvej,2030,154,"0,7425"'],
    written: [{ table: 'safety_survey', inserted: 2, updated: 0 }],
    visible: {
      sql: 'SELECT estate_code, respondents, feel_safe_share FROM safety_survey WHERE year = 2030 ORDER BY 1',
      rows: [
        { estate_code: 'hedelundgardparken', respondents: 231, feel_safe_share: 0.68 },
        { estate_code: 'stengardsvej', respondents: 154, feel_safe_share: 0.7425 },
      ],
    },
    bad: {
      row: 'kvaglundparken,2030,198,1.2',
      problem: { column: 'feel_safe_share', reason: 'expected a number from 0 to 1, got 1.2' },
    },
  });

  describeNoNationalIdStored(db);
});

describeExamplesThroughCli('housing-association', ['departments', 'tenancies', 'safety-surveys']);
