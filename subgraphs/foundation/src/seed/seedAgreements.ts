import { CohortMeasure, insertRows } from '@hub/core';
import type { EntityManager } from 'typeorm';

interface AgreementSeed {
  code: string;
  provider: string;
  purpose: string;
  validFrom: string;
  validTo: string;
  grants: Record<string, CohortMeasure[]>;
}

const { IN_EDUCATION, IN_WORK, ON_BENEFITS, PART_TIME_JOB, CLUB_MEMBER } = CohortMeasure;

/** The alliance's data-sharing agreements: one per cohort that may cross, and one that expired. */
export const AGREEMENTS: readonly AgreementSeed[] = [
  {
    code: 'medvind-neet-follow-up',
    provider: 'ungdomsbo',
    purpose: 'MedVind NEET follow-up: education, work, benefits and leisure of young residents of the estates',
    validFrom: '2024-01-01',
    validTo: '2027-12-31',
    grants: {
      'esbjerg-municipality': [IN_EDUCATION],
      'jobcentre-esbjerg': [IN_WORK, ON_BENEFITS],
      vindrosen: [CLUB_MEMBER],
    },
  },
  {
    code: 'osterbyen-youth-job-and-leisure',
    provider: 'esbjerg-municipality',
    purpose: 'Job and Culture and leisure lines of action: jobs, benefits and club membership of the district\'s young people',
    validFrom: '2024-01-01',
    validTo: '2027-12-31',
    grants: { 'jobcentre-esbjerg': [IN_WORK, ON_BENEFITS, PART_TIME_JOB], vindrosen: [CLUB_MEMBER] },
  },
  {
    code: 'part-time-job-programme-education',
    provider: 'jobcentre-esbjerg',
    purpose: 'Evaluation of the part-time job programme: do its participants go on to youth education?',
    validFrom: '2025-01-01',
    validTo: '2028-12-31',
    grants: { 'esbjerg-municipality': [IN_EDUCATION] },
  },
  {
    code: 'hedelundgardparken-baseline-2017',
    provider: 'ungdomsbo',
    purpose: 'Baseline of the housing-social project in Hedelundgårdparken (ended)',
    validFrom: '2017-01-01',
    validTo: '2019-12-31',
    grants: { 'esbjerg-municipality': [IN_EDUCATION], 'jobcentre-esbjerg': [IN_WORK] },
  },
];

/** Writes the agreements register (after the partners it refers to). */
export async function seedAgreements(manager: EntityManager): Promise<void> {
  await insertRows(
    manager,
    'data_sharing_agreement',
    AGREEMENTS.map((a) => ({ code: a.code, provider: a.provider, purpose: a.purpose, valid_from: a.validFrom, valid_to: a.validTo })),
  );
  await insertRows(
    manager,
    'data_sharing_grant',
    AGREEMENTS.flatMap((a) =>
      Object.entries(a.grants).flatMap(([recipient, measures]) =>
        measures.map((measure) => ({ agreement_code: a.code, recipient, measure })),
      ),
    ),
  );
}
