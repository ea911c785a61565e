import { foundation, foundationMappings } from '@hub/subgraph-foundation';
import {
  describeDataset,
  describeExamplesThroughCli,
  describeNoNationalIdStored,
  partnerDatabase,
} from './partnerImports';

const [linesOfAction, partners, initiatives, grants] = foundationMappings;

describe('importing foundation extracts into its seeded database', () => {
  const db = partnerDatabase(foundation);

  describeDataset(db, {
    mapping: linesOfAction,
    good: ['JOB,Job and profession,Young people find their way into work through part-time jobs.'],
    written: [{ table: 'line_of_action', inserted: 0, updated: 1 }],
    visible: {
      sql: `SELECT name, description FROM line_of_action WHERE code = 'JOB'`,
      rows: [{ name: 'Job and profession', description: 'Young people find their way into work through part-time jobs.' }],
    },
    bad: {
      row: 'SPORT,Sport,Everyone moves.',
      problem: { column: 'code', reason: 'expected one of HEALTH, CULTURE_LEISURE, LEARNING, JOB, got "SPORT"' },
    },
  });

  describeDataset(db, {
    mapping: partners,
    good: [
      'esbjerg-kunstmuseum,Esbjerg Kunstmuseum,MUSEUM,ACTIVITY_PARTNER,2030-05-01',
      'sport-esbjerg,Sport Esbjerg,ASSOCIATION,STEERING_GROUP,2030-03-01',
    ],
    written: [{ table: 'partner', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT code, kind, governance_role, joined_on::text FROM partner WHERE joined_on >= '2030-01-01' ORDER BY code`,
      rows: [
        { code: 'esbjerg-kunstmuseum', kind: 'MUSEUM', governance_role: 'ACTIVITY_PARTNER', joined_on: '2030-05-01' },
        { code: 'sport-esbjerg', kind: 'ASSOCIATION', governance_role: 'STEERING_GROUP', joined_on: '2030-03-01' },
      ],
    },
    bad: {
      row: 'esbjerg-roklub,Esbjerg Roklub,CLUB,ACTIVITY_PARTNER,2030-01-01',
      problem: {
        column: 'kind',
        reason:
          'expected one of MUNICIPALITY, HOUSING_ASSOCIATION, JOBCENTRE, VOLUNTEER_CENTRE, FOUNDATION, SCHOOL, DAY_CARE, BUSINESS, MUSEUM, ASSOCIATION, got "CLUB"',
      },
    },
  });

  describeDataset(db, {
    mapping: initiatives,
    good: [
      'art-for-all,Art for all,"Art workshops for 6-14-year-olds, with the museum.",CULTURE_LEISURE,AGE_6_14,hedelundgardparken,2030-06-01,2031-05-31,esbjerg-kunstmuseum lauritzen-foundation',
    ],
    written: [
      { table: 'initiative', inserted: 1, updated: 0 },
      { table: 'initiative_partner', inserted: 2, updated: 0 },
    ],
    visible: {
      sql: `SELECT i.area_code, i.ended_on::text, p.partner_code, p.position
            FROM initiative i JOIN initiative_partner p ON p.initiative_code = i.code
            WHERE i.code = 'art-for-all' ORDER BY p.position`,
      rows: [
        { area_code: 'hedelundgardparken', ended_on: '2031-05-31', partner_code: 'esbjerg-kunstmuseum', position: 0 },
        { area_code: 'hedelundgardparken', ended_on: '2031-05-31', partner_code: 'lauritzen-foundation', position: 1 },
      ],
    },
    bad: {
      row: 'sport-for-all,Sport for all,Sport after school.,HEALTH,AGE_6_14,esbjerg,2030-01-01,,sport-esbjerg vindrosen sport-esbjerg',
      problem: { column: 'partners', reason: 'partner sport-esbjerg is named twice' },
    },
    dangling: 'sport-for-all,Sport for all,Sport after school.,HEALTH,AGE_6_14,esbjerg,2030-01-01,,no-such-partner',
  });

  describeDataset(db, {
    mapping: grants,
    good: [
      'art-for-all-2030-lauritzen-foundation,art-for-all,lauritzen-foundation,150000,2030-05-01',
      'breakfast-cafe-2030-lauritzen-foundation,breakfast-cafe,lauritzen-foundation,"99500,50",2030-02-01',
    ],
    written: [{ table: 'grant_award', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT initiative_code, amount_dkk::text FROM grant_award WHERE awarded_on >= '2030-01-01' ORDER BY 1`,
      rows: [
        { initiative_code: 'art-for-all', amount_dkk: '150000.00' },
        { initiative_code: 'breakfast-cafe', amount_dkk: '99500.50' },
      ],
    },
    bad: {
      row: 'art-for-all-2031-lauritzen-foundation,art-for-all,lauritzen-foundation,"1,234,567",2031-01-01',
      problem: { column: 'amount_dkk', reason: 'expected a number (digits, then a point or comma and decimals), got "1,234,567"' },
    },
    dangling: 'night-football-2030-sport-esbjerg,night-football,no-such-grantor,5000,2030-01-01',
  });

  describeNoNationalIdStored(db);
});

describeExamplesThroughCli('foundation', ['lines-of-action', 'partners', 'initiatives', 'grants']);
