// View: a cohort profile. One partner defines the group (e.g. the 15-24-year-old residents of an
// estate); the others answer their own measures on exactly that group, each only as far as the
// data-sharing agreement allows. Only disclosure-controlled Measures come back: the persons never
// leave the federation.
import { measureColumns, type CsvRow } from '@hub/core/src/export/csvRows';
import { h, show } from '../dom';
import { exportButtons } from '../exports';
import { graphql, type GraphQLErrorEntry } from '../graphql';
import { ageBandText, measureCell, type Measure } from '../measure';
import { errorList, loadInto } from '../notices';
import COHORT_PROFILE from '../operations/CohortProfile.graphql';
import DATA_SHARING_AGREEMENTS from '../operations/DataSharingAgreements.graphql';
import { KINDS, cohortForm, type Agreement, type CohortDefinitionInput, type CohortKind } from './cohortForm';

/** The cohort's measures (as CohortProfile asks them) and the partner that answers each on its own records. */
const PROFILE = [
  { field: 'size', label: 'Persons in the cohort', answeredBy: 'the defining partner' },
  { field: 'inEducation', label: 'In education', answeredBy: 'municipality' },
  { field: 'inWork', label: 'In work', answeredBy: 'jobcentre' },
  { field: 'onBenefits', label: 'On public benefits', answeredBy: 'jobcentre' },
  { field: 'partTimeJob', label: 'With a part-time job', answeredBy: 'jobcentre' },
  { field: 'clubMember', label: 'Member of a club', answeredBy: 'volunteer centre' },
] as const;

type ProfileField = (typeof PROFILE)[number]['field'];

interface Cohort extends Record<ProfileField, Measure | null> {
  id: string;
  definition: { kind: CohortKind; area: string | null; programme: string | null; ageBand: string; asOf: string };
}

/** A measure the agreement does not let its partner answer: said so, with the code, not left blank. */
function refusedCell(error: GraphQLErrorEntry, field: string): HTMLTableCellElement {
  const code = error.extensions?.code ?? 'ERROR';
  const text = code === 'FORBIDDEN' ? 'not under this agreement' : code.toLowerCase().replace(/_/g, ' ');
  return h('td', { class: 'measure refused', title: error.message, 'data-cell': field, 'data-error-code': code }, text);
}

function profileTable(cohort: Cohort, errors: readonly GraphQLErrorEntry[]): HTMLTableElement {
  const errorOf = (field: string) => errors.find((e) => e.path?.[0] === 'cohort' && e.path[1] === field);
  return h(
    'table',
    { class: 'figures cohort-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Measure'), h('th', {}, 'Answered by'), h('th', {}, 'Value'))),
    h(
      'tbody',
      {},
      ...PROFILE.map((m) => {
        const error = errorOf(m.field);
        const cell = error ? refusedCell(error, m.field) : measureCell(cohort[m.field], { 'data-cell': m.field });
        return h('tr', {}, h('th', { scope: 'row' }, m.label), h('td', { class: 'muted' }, m.answeredBy), cell);
      }),
    ),
  );
}

/** The profile in long form, one row per measure, for the CSV export. */
function csvRows(cohort: Cohort, agreement: string): CsvRow[] {
  const { kind, area, programme, ageBand, asOf } = cohort.definition;
  return PROFILE.map((m) => ({ agreement, kind, area, programme, age_band: ageBand, as_of: asOf, measure: m.field, unit: cohort[m.field]?.unit ?? null, ...measureColumns('', cohort[m.field]) }));
}

async function renderProfile(container: HTMLElement, definition: CohortDefinitionInput, agreement: string): Promise<void> {
  const { data, errors } = await graphql<{ cohort: Cohort | null }>(COHORT_PROFILE, { definition, agreement });
  const cohort = data.cohort;
  const profileErrors = errors.filter((e) => !(e.path?.[0] === 'cohort' && PROFILE.some((m) => m.field === e.path?.[1])));
  if (!cohort) {
    show(container, errorList(errors), h('p', { class: 'notice' }, 'The cohort could not be formed.'));
    return;
  }
  const { kind, area, programme, ageBand, asOf } = cohort.definition;
  show(
    container,
    errorList(profileErrors),
    h(
      'div',
      { class: 'table-header' },
      h('p', { class: 'muted' }, `${KINDS[kind].label}: ${area ?? programme}, ages ${ageBandText(ageBand)}, as of ${asOf}, under the agreement ${agreement}`),
      exportButtons('cohort-profile', () => ({ rows: csvRows(cohort, agreement), json: { agreement, cohort, errors } })),
    ),
    profileTable(cohort, errors),
  );
}

/**
 * Renders the agreements and a cohort form; a profile only when the reader asks for one. Forming a
 * profile moves the cohort's members between partners under the agreement and leaves a record in
 * each partner's log, so the page does not do it for every visit: the rest of the page is made of
 * figures the gateway can keep, this one is computed for its reader.
 */
export async function renderCohort(container: HTMLElement): Promise<void> {
  const { data } = await graphql<{ dataSharingAgreements: Agreement[] }>(DATA_SHARING_AGREEMENTS);
  const profile = h(
    'div',
    { class: 'cohort-profile' },
    h('p', { class: 'muted' }, 'Choose a cohort and press "Show the profile". Each profile moves the cohort\'s members between the partners the agreement names, and each partner logs it, so it is formed only when asked for.'),
  );
  const ask = (definition: CohortDefinitionInput, agreement: string) => loadInto(profile, () => renderProfile(profile, definition, agreement));
  show(container, h('div', { class: 'cohort-layout' }, cohortForm(data.dataSharingAgreements, ask), h('div', { class: 'card' }, profile)));
}
