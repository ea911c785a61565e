// Errors shown to the reader with the hub's code, e.g. a partner that did not answer one field.
import { h, show } from './dom';
import { GraphQLRequestError, type GraphQLErrorEntry } from './graphql';
import { forgetToken } from './token';

/** The fields that failed while the rest of the answer came back; nothing when all answered. */
export function errorList(errors: readonly GraphQLErrorEntry[]): HTMLElement | null {
  if (errors.length === 0) return null;
  return h(
    'ul',
    { class: 'errors', role: 'status' },
    ...errors.map((error) =>
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
