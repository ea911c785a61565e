import { AgeBand, LineOfActionCode, insertRows } from '@hub/core';
import type { EntityManager } from 'typeorm';
import { IndicatorDirection } from '../entities/IndicatorEnums';

/** An indicator as the alliance wrote it down: what to measure, where, and from where to where. */
export interface IndicatorDefinition {
  id: string;
  name: string;
  lineOfAction: LineOfActionCode;
  /** The owning partner's organisation code. */
  owner: string;
  /** The owner's field on LineOfAction the values are read from. */
  measure: string;
  ageBand: AgeBand;
  area: string;
  comparisonArea: string | null;
  direction: IndicatorDirection;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
}

const { UP, DOWN } = IndicatorDirection;
const ALLIANCE_START = '2017-06-30';
const ALLIANCE_END = '2029-12-31';

/**
 * MedVind's shared measurement (docs/domain.md), one indicator per question the secretariat asks.
 * Baselines are the figures the owners reported at the start (rounded); targets are the
 * alliance's. Each owner computes its measure from its own records only: NEET from the
 * municipality's youth guidance register (the jobcentre knows work, not education), well-being
 * from the municipality's school surveys, club membership from the volunteer centre's members.
 */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    id: 'part-time-jobs-osterbyen',
    name: 'Part-time jobs among 15-17-year-olds in Østerbyen',
    lineOfAction: LineOfActionCode.JOB,
    owner: 'jobcentre-esbjerg',
    measure: 'partTimeJobShare',
    ageBand: AgeBand.AGE_15_17,
    area: 'osterbyen',
    comparisonArea: 'esbjerg',
    direction: UP,
    baseline: { date: ALLIANCE_START, value: 0.05 },
    target: { date: ALLIANCE_END, value: 0.13 },
  },
  {
    id: 'neet-hedelundgardparken',
    name: 'Young residents of Hedelundgårdparken in neither education nor work (NEET), 15-24',
    lineOfAction: LineOfActionCode.JOB,
    owner: 'esbjerg-municipality',
    measure: 'neetShare',
    ageBand: AgeBand.AGE_15_24,
    area: 'hedelundgardparken',
    comparisonArea: 'esbjerg',
    direction: DOWN,
    // The housing-social project's goal: halve the share from project start to end.
    baseline: { date: ALLIANCE_START, value: 0.29 },
    target: { date: '2027-06-30', value: 0.145 },
  },
  {
    id: 'benefits-osterbyen',
    name: 'Young adults on public benefits in Østerbyen, 18-29',
    lineOfAction: LineOfActionCode.JOB,
    owner: 'jobcentre-esbjerg',
    measure: 'benefitShare',
    ageBand: AgeBand.AGE_18_29,
    area: 'osterbyen',
    comparisonArea: 'esbjerg',
    direction: DOWN,
    baseline: { date: ALLIANCE_START, value: 0.2 },
    target: { date: ALLIANCE_END, value: 0.15 },
  },
  {
    id: 'club-members-osterbyen',
    name: 'Children of Østerbyen in a leisure club, 6-14',
    lineOfAction: LineOfActionCode.CULTURE_LEISURE,
    owner: 'vindrosen',
    // A count: the volunteer centre has no population register to take a share of.
    measure: 'volunteerClubMembers',
    ageBand: AgeBand.AGE_6_14,
    area: 'osterbyen',
    comparisonArea: null,
    direction: UP,
    baseline: { date: ALLIANCE_START, value: 224 },
    target: { date: ALLIANCE_END, value: 300 },
  },
  {
    id: 'well-being-osterbyen',
    name: "Pupils' well-being at Østerbyen's schools (1-5)",
    lineOfAction: LineOfActionCode.HEALTH,
    owner: 'esbjerg-municipality',
    measure: 'wellBeing',
    ageBand: AgeBand.AGE_6_14,
    area: 'osterbyen',
    comparisonArea: 'esbjerg',
    direction: UP,
    // The first survey is of school year 2017/18.
    baseline: { date: '2017-12-31', value: 3.49 },
    target: { date: '2029-06-30', value: 3.75 },
  },
  {
    id: 'in-education-osterbyen',
    name: 'Young people of Østerbyen in education, 15-24',
    lineOfAction: LineOfActionCode.LEARNING,
    owner: 'esbjerg-municipality',
    measure: 'inEducationShare',
    ageBand: AgeBand.AGE_15_24,
    area: 'osterbyen',
    comparisonArea: 'esbjerg',
    direction: UP,
    baseline: { date: ALLIANCE_START, value: 0.67 },
    target: { date: ALLIANCE_END, value: 0.75 },
  },
];

/** Writes the alliance's indicator definitions (after partners, lines and areas exist). */
export async function seedIndicators(manager: EntityManager): Promise<void> {
  await insertRows(
    manager,
    'indicator',
    INDICATOR_DEFINITIONS.map((d) => ({
      id: d.id,
      name: d.name,
      line_of_action: d.lineOfAction,
      owner_code: d.owner,
      measure: d.measure,
      age_band: d.ageBand,
      area_code: d.area,
      comparison_area_code: d.comparisonArea,
      direction: d.direction,
      baseline_on: d.baseline.date,
      baseline_value: d.baseline.value,
      target_on: d.target.date,
      target_value: d.target.value,
    })),
  );
}
