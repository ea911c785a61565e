// Goal fulfilment: how far each indicator has come from its baseline toward its target, and the share
// of targets met per line of action and for the whole alliance.
import { h, show } from '../dom';
import { graphql } from '../graphql';
import { formatValue } from '../measure';
import ALLIANCE_GOAL_FULFILMENT from '../operations/AllianceGoalFulfilment.graphql';

/** `GoalFulfilment` of a line of action or of the alliance. */
export interface LineGoalFulfilment {
  indicators: number;
  /** Null, as `unknown` and `share`, when an indicator's owner did not answer. */
  met: number | null;
  /** Targets whose current value is withheld: counted among the targets, not among those met. */
  unknown: number | null;
  share: number | null;
}

export type FulfilmentStatus = 'ON_TRACK' | 'OFF_TRACK' | 'MET' | 'UNKNOWN';

/** `Indicator.fulfilment`: progress is null when the current value is suppressed. */
export interface IndicatorFulfilment {
  progress: number | null;
  met: boolean | null;
  status: FulfilmentStatus;
}

export const STATUS_TEXT: Record<FulfilmentStatus, string> = {
  MET: 'Target met',
  ON_TRACK: 'On track',
  OFF_TRACK: 'Off track',
  UNKNOWN: 'Unknown',
};

/**
 * The share of the targets known today that are met; null when none is known (every owner that
 * could tell failed, or withheld its figure). An unknown target is never counted as not met.
 */
export function knownShare(fulfilment: LineGoalFulfilment | null): number | null {
  if (fulfilment?.met == null) return null;
  const known = fulfilment.indicators - (fulfilment.unknown ?? 0);
  return known > 0 ? fulfilment.met / known : null;
}

/** "2 of 5 known targets met (40.0 %), 1 unknown" as a badge; its data-* attributes are the graph's figures. */
export function fulfilmentBadge(fulfilment: LineGoalFulfilment | null): HTMLElement {
  const attributes = { 'data-testid': 'goal-fulfilment', 'data-met': fulfilment?.met ?? '', 'data-indicators': fulfilment?.indicators, 'data-unknown': fulfilment?.unknown ?? '', 'data-share': fulfilment?.share ?? '' };
  if (!fulfilment || fulfilment.indicators === 0) return h('span', { ...attributes, class: 'badge muted' }, 'No indicators yet');
  const unknown = fulfilment.unknown ?? 0;
  const known = fulfilment.indicators - unknown;
  const share = knownShare(fulfilment);
  if (share === null) {
    return h('span', { ...attributes, class: 'badge muted' }, `${fulfilment.indicators} ${fulfilment.indicators === 1 ? 'target' : 'targets'}, fulfilment unknown`);
  }
  const targets = unknown > 0 ? `${fulfilment.met} of ${known} known targets met` : `${fulfilment.met} of ${known} targets met`;
  const text = `${targets} (${formatValue(share, 'SHARE')})${unknown > 0 ? `, ${unknown} unknown` : ''}`;
  return h('span', { ...attributes, class: unknown > 0 ? 'badge partial' : 'badge' }, text);
}

/** A progress bar from baseline (0 %) to target (100 %), with the status; suppressed progress stays unknown. */
export function progressBar(fulfilment: IndicatorFulfilment | null): HTMLElement {
  const progress = fulfilment?.progress ?? null;
  const status = fulfilment?.status ?? 'UNKNOWN';
  const width = progress == null ? 0 : Math.max(0, Math.min(1, progress)) * 100;
  const fill = h('div', { class: 'progress-fill' });
  fill.style.width = `${width}%`; // through the CSSOM: the page's CSP allows no inline style attributes
  const label = progress == null ? STATUS_TEXT[status] : `${formatValue(progress, 'SHARE')} of the way · ${STATUS_TEXT[status]}`;
  return h(
    'div',
    { class: `progress status-${status.toLowerCase()}`, 'data-progress': progress ?? '', 'data-status': status },
    h('div', { class: 'progress-track', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': progress == null ? undefined : Math.round(width) }, fill),
    h('span', { class: 'progress-label' }, label),
  );
}

/** The share of known targets met, or "unknown": never 0 % for targets nobody could tell. */
const knownShareText = (fulfilment: LineGoalFulfilment | null): string => {
  const share = knownShare(fulfilment);
  return share === null ? 'unknown' : formatValue(share, 'SHARE');
};

/** The alliance's share of known targets met, for the page header. */
export async function renderAllianceFulfilment(container: HTMLElement): Promise<void> {
  const { data } = await graphql<{ allianceGoalFulfilment: LineGoalFulfilment | null }>(ALLIANCE_GOAL_FULFILMENT);
  const fulfilment = data.allianceGoalFulfilment;
  show(
    container,
    h('span', { class: 'label' }, 'Alliance goal fulfilment'),
    h('strong', { class: 'figure', 'data-testid': 'known-share' }, knownShareText(fulfilment)),
    fulfilmentBadge(fulfilment),
  );
}
