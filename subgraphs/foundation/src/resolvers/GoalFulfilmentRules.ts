import { GoalStatus, IndicatorDirection } from '../entities/IndicatorEnums';

/** An indicator's goal: from a baseline value on a date to a target value on a later date. */
export interface Goal {
  direction: IndicatorDirection;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
}

export interface Fulfilment {
  progress: number | null;
  met: boolean | null;
  status: GoalStatus;
}

/** An indicator whose current value is withheld, or did not arrive. */
export const UNKNOWN_FULFILMENT: Readonly<Fulfilment> = { progress: null, met: null, status: GoalStatus.UNKNOWN };

const DAY_MS = 86_400_000;
const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Share of the time from baseline date to target date that has passed on `on`, within 0-1. */
export function elapsedShare(goal: Goal, on: string): number {
  const share = (days(on) - days(goal.baseline.date)) / (days(goal.target.date) - days(goal.baseline.date));
  return Math.min(1, Math.max(0, share));
}

/**
 * An indicator against its goal on `on`, given its current value (null when withheld or not
 * answered). Progress is the share of the way from baseline to target, whichever the direction;
 * on track means at least as far along as the time: the straight line from baseline to target.
 */
export function goalFulfilment(goal: Goal, current: number | null, on: string): Fulfilment {
  if (current === null) return UNKNOWN_FULFILMENT;
  const progress = (current - goal.baseline.value) / (goal.target.value - goal.baseline.value);
  const met = goal.direction === IndicatorDirection.UP ? current >= goal.target.value : current <= goal.target.value;
  if (met) return { progress, met, status: GoalStatus.MET };
  return { progress, met, status: progress >= elapsedShare(goal, on) ? GoalStatus.ON_TRACK : GoalStatus.OFF_TRACK };
}

export interface FulfilmentSummary {
  indicators: number;
  met: number;
  unknown: number;
  share: number | null;
}

/**
 * The targets of a scope and how many are met. An unknown one (withheld current value) is not
 * known to be met, so it counts among the targets but not among those met.
 */
export function summarise(fulfilments: readonly Fulfilment[]): FulfilmentSummary {
  const met = fulfilments.filter((f) => f.status === GoalStatus.MET).length;
  const unknown = fulfilments.filter((f) => f.status === GoalStatus.UNKNOWN).length;
  const indicators = fulfilments.length;
  return { indicators, met, unknown, share: indicators === 0 ? null : met / indicators };
}
