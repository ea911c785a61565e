import { HEDELUNDGARDPARKEN, MUNICIPALITY_CODE, OSTERBYEN } from './areas';
import { PART_TIME_JOB_PROGRAMME, PART_TIME_JOB_PROGRAMME_START } from './jobcentre';
import type { InitiativeRecord } from './world';

export const FOUNDATION_CODE = 'lauritzen-foundation';
export const MUNICIPALITY_PARTNER_CODE = 'esbjerg-municipality';

/** An initiative as the alliance plans it: the record, and whether the municipality co-funds it. */
export interface InitiativeSpec extends InitiativeRecord {
  municipalityCoFunds: boolean;
}

type InitiativeInput = Omit<InitiativeSpec, 'endedOn' | 'municipalityCoFunds'> & Partial<InitiativeSpec>;

function initiative(input: InitiativeInput): InitiativeSpec {
  return { endedOn: null, municipalityCoFunds: false, ...input };
}

/**
 * The alliance's initiatives, spread over the four lines of action and the age groups, named
 * after docs/domain.md's examples where it has them. The first partner is the lead; every partner's
 * `joinedOn` (alliance.ts) is on or before the start of the initiatives it takes part in.
 */
export const INITIATIVES: readonly InitiativeSpec[] = [
  initiative({
    code: PART_TIME_JOB_PROGRAMME,
    name: 'Part-time job programme',
    description: "Helps 15-17-year-olds in Østerbyen into their first part-time job with the town's businesses.",
    lineOfAction: 'JOB',
    ageBand: 'AGE_15_17',
    areaCode: OSTERBYEN,
    startedOn: PART_TIME_JOB_PROGRAMME_START,
    partnerCodes: ['jobcentre-esbjerg', 'business-esbjerg'],
    municipalityCoFunds: true,
  }),
  initiative({
    code: 'summer-jobs',
    name: 'Summer jobs',
    description: 'Summer jobs at the harbour and in local businesses for young people without a network.',
    lineOfAction: 'JOB',
    ageBand: 'AGE_15_17',
    areaCode: MUNICIPALITY_CODE,
    startedOn: '2019-05-01',
    partnerCodes: ['business-esbjerg', 'port-esbjerg', 'jobcentre-esbjerg'],
  }),
  initiative({
    code: 'job-guidance-hedelundgardparken',
    name: 'Job guidance in Hedelundgårdparken',
    description: 'An outposted job counsellor in the estate for young residents in neither education nor work.',
    lineOfAction: 'JOB',
    ageBand: 'AGE_18_29',
    areaCode: HEDELUNDGARDPARKEN,
    startedOn: '2017-04-01',
    partnerCodes: ['jobcentre-esbjerg', 'ungdomsbo'],
    municipalityCoFunds: true,
  }),
  initiative({
    code: 'business-mentors',
    name: 'Business mentors',
    description: 'Mentors from local businesses for young people on benefits looking for work or training.',
    lineOfAction: 'JOB',
    ageBand: 'AGE_18_24',
    areaCode: MUNICIPALITY_CODE,
    startedOn: '2020-08-01',
    endedOn: '2024-12-31',
    partnerCodes: ['business-esbjerg', 'jobcentre-esbjerg'],
  }),
  initiative({
    code: 'breakfast-cafe',
    name: 'Breakfast café at Præstegårdsskolen',
    description: 'Breakfast for pupils before school, staffed by people on benefits in job activation.',
    lineOfAction: 'HEALTH',
    ageBand: 'AGE_6_14',
    areaCode: OSTERBYEN,
    startedOn: '2018-08-01',
    partnerCodes: ['jobcentre-esbjerg', 'praestegardsskolen', 'foodbank-esbjerg', FOUNDATION_CODE],
  }),
  initiative({
    code: 'active-after-school',
    name: 'Active after school',
    description: 'Free football and movement in the schoolyard in the afternoons.',
    lineOfAction: 'HEALTH',
    ageBand: 'AGE_6_14',
    areaCode: OSTERBYEN,
    startedOn: '2018-03-01',
    endedOn: '2022-06-30',
    partnerCodes: ['efb-youth', 'vindrosen', 'urbanskolen'],
  }),
  initiative({
    code: 'night-football',
    name: 'Night football in Hedelundgårdparken',
    description: 'Friday-night football for young residents, run with the housing association.',
    lineOfAction: 'HEALTH',
    ageBand: 'AGE_15_24',
    areaCode: HEDELUNDGARDPARKEN,
    startedOn: '2019-09-01',
    partnerCodes: ['ungdomsbo', 'efb-youth'],
  }),
  initiative({
    code: 'culture-passport',
    name: 'Culture passport',
    description: 'Every pupil visits the museum, the music school and the theatre during the school years.',
    lineOfAction: 'CULTURE_LEISURE',
    ageBand: 'AGE_6_14',
    areaCode: OSTERBYEN,
    startedOn: '2019-01-01',
    partnerCodes: ['museum-southwest-jutland', 'esbjerg-kulturskole', 'urbanskolen', 'praestegardsskolen'],
  }),
  initiative({
    code: 'leisure-guides',
    name: 'Leisure guides',
    description: 'Volunteer guides who follow a child to a club until it feels at home there.',
    lineOfAction: 'CULTURE_LEISURE',
    ageBand: 'AGE_6_14',
    areaCode: OSTERBYEN,
    startedOn: '2017-09-01',
    partnerCodes: ['vindrosen', 'ungdomsbo', MUNICIPALITY_PARTNER_CODE],
    municipalityCoFunds: true,
  }),
  initiative({
    code: 'vi-laerer-sammen',
    name: 'Vi lærer sammen',
    description: 'Day care and schools work together on early language stimulation before school.',
    lineOfAction: 'LEARNING',
    ageBand: 'AGE_0_5',
    areaCode: OSTERBYEN,
    startedOn: '2018-01-01',
    partnerCodes: ['dagtilbud-osterbyen', 'bornehuset-solsikken', 'urbanskolen', 'praestegardsskolen'],
    municipalityCoFunds: true,
  }),
  initiative({
    code: 'homework-cafe',
    name: 'Homework café',
    description: 'Volunteers help pupils with their homework after school, twice a week.',
    lineOfAction: 'LEARNING',
    ageBand: 'AGE_6_14',
    areaCode: OSTERBYEN,
    startedOn: '2017-09-01',
    partnerCodes: ['red-cross-esbjerg', 'vindrosen', 'urbanskolen'],
  }),
  initiative({
    code: 'bridge-to-youth-education',
    name: 'Bridge to youth education',
    description: 'Short courses and mentoring for pupils at risk of not starting a youth education.',
    lineOfAction: 'LEARNING',
    ageBand: 'AGE_15_17',
    areaCode: OSTERBYEN,
    startedOn: '2020-01-01',
    partnerCodes: ['esbjerg-ungdomsskole', MUNICIPALITY_PARTNER_CODE, 'jobcentre-esbjerg'],
  }),
];
