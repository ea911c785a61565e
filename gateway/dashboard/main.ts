// The hub's web dashboard: a worked example of an outside dashboard. It asks the one graph at the
// hub's GraphQL endpoint with the caller's `dashboard` token, like any other client, and shows only
// what disclosure control lets through. Each view is one module in views/.
import './dashboard.css';
import { h, onClick, show } from './dom';
import { graphqlEndpoint, useToken } from './graphql';
import { loadInto } from './notices';
import { rememberToken, tokenFromPage } from './token';
import { renderCohort } from './views/cohort';
import { renderAllianceFulfilment } from './views/goalFulfilment';
import { renderIndicators } from './views/indicators';
import { renderLinesOfAction, type LineOfActionCode } from './views/linesOfAction';

const root = document.getElementById('dashboard')!;
document.getElementById('endpoint')!.textContent = graphqlEndpoint();
document.getElementById('sandbox-link')!.setAttribute('href', graphqlEndpoint());

function section(id: string, title: string, intro: string, ...content: HTMLElement[]): HTMLElement {
  return h('section', { id, class: 'section' }, h('h2', {}, title), h('p', { class: 'intro' }, intro), ...content);
}

/** Tabs over the lines of action: All, then each line by name. */
function lineTabs(lines: { code: LineOfActionCode; name: string }[], select: (code: LineOfActionCode | null) => void): HTMLElement {
  const tabs = [{ code: null, name: 'All lines' }, ...lines].map((line) =>
    onClick(h('button', { type: 'button', role: 'tab', 'data-line': line.code ?? 'ALL', 'aria-selected': line.code === null ? 'true' : 'false' }, line.name), () => select(line.code)),
  );
  return h('nav', { class: 'tabs', role: 'tablist' }, ...tabs);
}

async function start(token: string): Promise<void> {
  useToken(token);
  const linesBody = h('div', {});
  const indicatorTabs = h('div', {});
  const indicatorsBody = h('div', {});
  const cohortBody = h('div', {});
  show(
    root,
    section('lines-of-action', 'Lines of action', 'What each partner measures today, in Østerbyen against Esbjerg as a whole.', linesBody),
    section('indicators', 'Indicators against their targets', 'Each indicator from its baseline toward its target, year by year, against the comparison area.', indicatorTabs, indicatorsBody),
    section('cohort', 'Cohort profile', 'A group of young people defined by one partner, measured by the others under a data-sharing agreement.', cohortBody),
  );

  const selectLine = (code: LineOfActionCode | null) => {
    indicatorTabs.querySelectorAll('[role="tab"]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.getAttribute('data-line') === (code ?? 'ALL'))));
    void loadInto(indicatorsBody, () => renderIndicators(indicatorsBody, code));
  };
  const openLine = (code: LineOfActionCode) => {
    selectLine(code);
    document.getElementById('indicators')!.scrollIntoView({ behavior: 'smooth' });
  };

  await Promise.all([
    loadInto(document.getElementById('alliance-fulfilment')!, () => renderAllianceFulfilment(document.getElementById('alliance-fulfilment')!)),
    loadInto(linesBody, async () => show(indicatorTabs, lineTabs(await renderLinesOfAction(linesBody, openLine), selectLine))),
    loadInto(indicatorsBody, () => renderIndicators(indicatorsBody, null)),
    loadInto(cohortBody, () => renderCohort(cohortBody)),
  ]);
  // Tests and screenshots wait for this: every view has answered (or shown why not).
  document.body.dataset.ready = 'true';
}

/** Without a token: how to get one, and a field to paste it. */
function askForToken(): void {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'eyJhbGciOiJFUzI1NiJ9…', 'aria-label': 'Bearer token' });
  const form = h(
    'form',
    { class: 'card token-form' },
    h('h2', {}, 'A token is needed'),
    h('p', {}, 'The dashboard asks the hub with your own token, like any outside dashboard. Open the dashboard link `npm start` prints, or make a token with ', h('code', {}, 'npm run token -- --role dashboard'), ' and paste it here.'),
    input,
    h('button', { type: 'submit' }, 'Open the dashboard'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    rememberToken(token);
    void start(token);
  });
  show(root, form);
  document.body.dataset.ready = 'true';
}

const token = tokenFromPage();
if (token) void start(token);
else askForToken();
