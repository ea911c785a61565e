import { municipality, municipalityMappings } from '@hub/subgraph-municipality';
import { syntheticCpr } from './extracts';
import {
  describeDataset,
  describeExamplesThroughCli,
  describeNoNationalIdStored,
  partnerDatabase,
  pseudonymOf,
} from './partnerImports';

const [persons, youthStatus, schools, wellBeing] = municipalityMappings;

describe('importing municipality extracts into its seeded database', () => {
  const db = partnerDatabase(municipality);

  describeDataset(db, {
    mapping: persons,
    good: [`${syntheticCpr(10)},osterbyen,stengardsvej`, `${syntheticCpr(11)},hedelund,`],
    written: [{ table: 'person', inserted: 2, updated: 0 }],
    visible: {
      sql: 'SELECT birth_year, municipality_code, district_code, estate_code FROM person WHERE pseudonym = ANY($1) ORDER BY birth_year',
      params: [[pseudonymOf(10), pseudonymOf(11)]],
      rows: [
        { birth_year: 2000, municipality_code: 'esbjerg', district_code: 'osterbyen', estate_code: 'stengardsvej' },
        { birth_year: 2001, municipality_code: 'esbjerg', district_code: 'hedelund', estate_code: null },
      ],
    },
    bad: {
      row: `${syntheticCpr(12)},kvaglund,hedelundgardparken`,
      problem: { column: 'estate', reason: 'estate hedelundgardparken is not in district kvaglund' },
    },
  });

  describeDataset(db, {
    mapping: youthStatus,
    good: [
      `${syntheticCpr(20)},EDUCATION,2016-08-01,2019-06-30,osterbyen,`,
      `${syntheticCpr(20)},WORK,2019-08-01,,osterbyen,`,
      `${syntheticCpr(21)},NEITHER,2018-09-01,,hedelund,hedelundgardparken`,
    ],
    written: [
      { table: 'person', inserted: 2, updated: 0 },
      { table: 'youth_status_spell', inserted: 3, updated: 0 },
    ],
    visible: {
      sql: `SELECT status, started_on::text, ended_on::text FROM youth_status_spell
            WHERE pseudonym = ANY($1) ORDER BY pseudonym = $2 DESC, started_on`,
      params: [[pseudonymOf(20), pseudonymOf(21)], pseudonymOf(20)],
      rows: [
        { status: 'EDUCATION', started_on: '2016-08-01', ended_on: '2019-06-30' },
        { status: 'WORK', started_on: '2019-08-01', ended_on: null },
        { status: 'NEITHER', started_on: '2018-09-01', ended_on: null },
      ],
    },
    bad: {
      row: `${syntheticCpr(22)},WORK,2024-05-01,2024-04-30,osterbyen,`,
      problem: { column: 'ended_on', reason: 'the status ends (2024-04-30) before it starts (2024-05-01)' },
    },
  });

  describeDataset(db, {
    mapping: schools,
    good: ['nordby-skole,Nordby Skole,saedding', 'ostre-skole,"Østre Skole, afdeling Nord",osterbyen'],
    written: [{ table: 'school', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT code, name, district_code FROM school WHERE code IN ('nordby-skole', 'ostre-skole') ORDER BY code`,
      rows: [
        { code: 'nordby-skole', name: 'Nordby Skole', district_code: 'saedding' },
        { code: 'ostre-skole', name: 'Østre Skole, afdeling Nord', district_code: 'osterbyen' },
      ],
    },
    bad: {
      row: 'Vestre Skole,Vestre Skole,jerne',
      problem: {
        column: 'code',
        reason: 'expected code (a-z, 0-9 and dashes), got "Vestre Skole"',
      },
    },
  });

  describeDataset(db, {
    mapping: wellBeing,
    good: ['urbanskolen,2030,412,3.86', 'praestegardsskolen,2030,298,"3,7"'],
    written: [{ table: 'well_being_survey', inserted: 2, updated: 0 }],
    visible: {
      sql: 'SELECT school_code, respondents, mean_score::text FROM well_being_survey WHERE school_year = 2030 ORDER BY 1',
      rows: [
        { school_code: 'praestegardsskolen', respondents: 298, mean_score: '3.70' },
        { school_code: 'urbanskolen', respondents: 412, mean_score: '3.86' },
      ],
    },
    bad: {
      row: 'jerne-skole,2030,365,5.5',
      problem: { column: 'mean_score', reason: 'expected a number from 1 to 5, got 5.5' },
    },
    dangling: 'no-such-skole,2030,100,3.5',
  });

  describeNoNationalIdStored(db);
});

describeExamplesThroughCli('municipality', ['persons', 'youth-status', 'schools', 'well-being']);
