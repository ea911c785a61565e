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

/** "3 of 4 targets met" with the share, as a badge. */
export function fulfilmentBadge(fulfilment: LineGoalFulfilment | null): HTMLElement {
  const attributes = { 'data-testid': 'goal-fulfilment', 'data-met': fulfilment?.met ?? '', 'data-indicators': fulfilment?.indicators, 'data-unknown': fulfilment?.unknown ?? '', 'data-share': fulfilment?.share ?? '' };
  if (!fulfilment || fulfilment.indicators === 0) return h('span', { ...attributes, class: 'badge muted' }, 'No indicators yet');
  if (fulfilment.met == null) return h('span', { ...attributes, class: 'badge muted' }, `${fulfilment.indicators} targets, fulfilment unknown`);
  const share = fulfilment.share != null ? ` (${formatValue(fulfilment.share, 'SHARE')})` : '';
  const unknown = fulfilment.unknown ? `, ${fulfilment.unknown} unknown` : '';
  return h('span', { ...attributes, class: 'badge' }, `${fulfilment.met} of ${fulfilment.indicators} targets met${share}${unknown}`);
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

/** The alliance's share of targets met, for the page header. */
export async function renderAllianceFulfilment(container: HTMLElement): Promise<void> {
  const { data } = await graphql<{ allianceGoalFulfilment: LineGoalFulfilment | null }>(ALLIANCE_GOAL_FULFILMENT);
  const fulfilment = data.allianceGoalFulfilment;
  show(
    container,
    h('span', { class: 'label' }, 'Alliance goal fulfilment'),
    h('strong', { class: 'figure' }, fulfilment?.share != null ? formatValue(fulfilment.share, 'SHARE') : 'no data'),
    fulfilmentBadge(fulfilment),
  );
}
