import { volunteerCentre, volunteerCentreMappings } from '@hub/subgraph-volunteer-centre';
import { syntheticCpr } from './extracts';
import {
  describeDataset,
  describeExamplesThroughCli,
  describeNoNationalIdStored,
  partnerDatabase,
  pseudonymOf,
} from './partnerImports';

const [clubs, memberships] = volunteerCentreMappings;

describe('importing volunteer centre extracts into its seeded database', () => {
  const db = partnerDatabase(volunteerCentre);

  describeDataset(db, {
    mapping: clubs,
    good: [
      'esbjerg-bridgeklub,Esbjerg Bridgeklub,bridge,CULTURE_LEISURE,centrum',
      'osterbyen-klatreklub,Klatreklubben Østerbyen,climbing,HEALTH,osterbyen',
    ],
    written: [{ table: 'club', inserted: 2, updated: 0 }],
    visible: {
      sql: `SELECT code, name, activity, line_of_action, district_code FROM club
            WHERE code IN ('esbjerg-bridgeklub', 'osterbyen-klatreklub') ORDER BY code`,
      rows: [
        {
          code: 'esbjerg-bridgeklub',
          name: 'Esbjerg Bridgeklub',
          activity: 'bridge',
          line_of_action: 'CULTURE_LEISURE',
          district_code: 'centrum',
        },
        {
          code: 'osterbyen-klatreklub',
          name: 'Klatreklubben Østerbyen',
          activity: 'climbing',
          line_of_action: 'HEALTH',
          district_code: 'osterbyen',
        },
      ],
    },
    bad: {
      row: 'jerne-ridecenter,Jerne Ridecenter,riding,SPORT,jerne',
      problem: { column: 'line_of_action', reason: 'expected one of HEALTH, CULTURE_LEISURE, LEARNING, JOB, got "SPORT"' },
    },
  });

  describeDataset(db, {
    mapping: memberships,
    good: [
      `${syntheticCpr(40)},coding-pirates-esbjerg,2012-09-01,2015-06-30,saedding,`,
      `${syntheticCpr(40)},esbjerg-bokseklub,2016-01-15,,hedelund,hedelundgardparken`,
      `${syntheticCpr(41)},esbjerg-bokseklub,2014-03-01,,hedelund,`,
    ],
    written: [{ table: 'membership', inserted: 3, updated: 0 }],
    visible: {
      sql: `SELECT count(*)::int AS members, count(ended_on)::int AS ended, min(birth_year) AS born
            FROM membership WHERE pseudonym = ANY($1)`,
      params: [[pseudonymOf(40), pseudonymOf(41)]],
      rows: [{ members: 3, ended: 1, born: 2000 }],
    },
    bad: {
      row: `${syntheticCpr(42)},hedelund-if,2020-01-01,,jerne,kvaglundparken`,
      problem: { column: 'estate', reason: 'estate kvaglundparken is not in district jerne' },
    },
    dangling: `${syntheticCpr(43)},no-such-club,2020-01-01,,jerne,`,
  });

  describeNoNationalIdStored(db);
});

describeExamplesThroughCli('volunteer-centre', ['clubs', 'memberships']);
