// Errors shown to the reader with the hub's code, e.g. a partner that did not answer one field.
import { h, show } from './dom';
import { GraphQLRequestError, type GraphQLErrorEntry } from './graphql';
import { forgetToken } from './token';

/** What each partner failure code means, after the partner's name. */
const PARTNER_FAILURES: Record<string, string> = {
  PARTNER_UNAVAILABLE: 'is unavailable',
  PARTNER_TIMEOUT: 'did not answer in time',
  PARTNER_ERROR: 'could not answer',
};

/** A partner as the graph names it in `extensions.partner`, in words: `volunteer-centre` → "Volunteer centre". */
export function partnerName(partner: string): string {
  const words = partner.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Each partner that did not answer, with its code (the first of its errors). */
function failedPartners(errors: readonly GraphQLErrorEntry[]): Map<string, string> {
  const failed = new Map<string, string>();
  for (const { extensions } of errors) {
    const { partner, code } = extensions ?? {};
    if (typeof partner === 'string' && code && code in PARTNER_FAILURES && !failed.has(partner)) failed.set(partner, code);
  }
  return failed;
}

/**
 * One line for the partners that did not answer, and what the reader lost by it, e.g. "Volunteer
 * centre is unavailable: indicator 'Club members, 6-14' unknown". A partner fails once per fetch,
 * so its errors are many; their paths are the hub's, not the reader's.
 */
function partnerNotice(failed: Map<string, string>, unknown: readonly string[]): HTMLElement {
  const who = [...failed].map(([partner, code]) => `${partnerName(partner)} ${PARTNER_FAILURES[code]}`).join('; ');
  const what =
    unknown.length === 0
      ? 'some figures are missing'
      : `${unknown.length === 1 ? 'indicator' : 'indicators'} ${unknown.map((name) => `'${name}'`).join(', ')} unknown`;
  const [code] = failed.values();
  return h('li', { 'data-error-code': code, 'data-partners': [...failed.keys()].join(' ') }, `${who}: ${what}`);
}

/**
 * The fields that failed while the rest of the answer came back; nothing when all answered.
 * `unknown` names what the failed partners' errors cost (e.g. the indicators shown as unknown).
 */
export function errorList(errors: readonly GraphQLErrorEntry[], unknown: readonly string[] = []): HTMLElement | null {
  if (errors.length === 0) return null;
  const failed = failedPartners(errors);
  const others = errors.filter((error) => !(typeof error.extensions?.partner === 'string' && failed.has(error.extensions.partner)));
  return h(
    'ul',
    { class: 'errors', role: 'status' },
    failed.size > 0 && partnerNotice(failed, unknown),
    ...others.map((error) =>
      h('li', { 'data-error-code': error.extensions?.code ?? '' }, h('code', {}, error.extensions?.code ?? 'ERROR'), ' ', error.message, error.path && h('span', { class: 'muted' }, ` (at ${error.path.join('.')})`)),
    ),
  );
}

/** A request that gave no data: what happened and, for a refused token, what to do. */
export function failureNotice(code: string, message: string): HTMLElement {
  const hint =
    code === 'UNAUTHENTICATED'
      ? 'Open the dashboard link that `npm start` prints, or add a token: /dashboard#token=<token> (`npm run token -- --role dashboard` makes one).'
      : code === 'GRAPHQL_VALIDATION_FAILED'
        ? 'The hub does not offer these fields to this token: the schema may have changed.'
        : null;
  return h('div', { class: 'notice error', 'data-error-code': code, role: 'alert' }, h('strong', {}, code), ` ${message}`, hint && h('p', {}, hint));
}

/** Runs one view; a request that gave no data shows its code in the view's place instead. */
export async function loadInto(container: HTMLElement, render: () => Promise<unknown>): Promise<void> {
  container.setAttribute('aria-busy', 'true');
  try {
    await render();
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    show(container, failureNotice(error.code, error.message));
    if (error.code === 'UNAUTHENTICATED') forgetToken();
  } finally {
    container.removeAttribute('aria-busy');
  }
}
