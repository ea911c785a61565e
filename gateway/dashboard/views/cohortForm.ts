// The cohort form: which agreement to ask under, and the cohort along the predefined dimensions
// (`CohortDefinitionInput`): a kind, the estate, district or initiative, and an age band.
import { h } from '../dom';
import { ageBandText } from '../measure';

export type CohortKind = 'ESTATE_RESIDENTS' | 'DISTRICT_RESIDENTS' | 'PROGRAMME_PARTICIPANTS';

export interface CohortDefinitionInput {
  kind: CohortKind;
  area?: string;
  programme?: string;
  ageBand: string;
}

export interface Agreement {
  code: string;
  provider: string;
  purpose: string;
  validFrom: string;
  validTo: string;
  grants: { recipient: string; measures: string[] }[];
}

/** Each kind of cohort, who defines it, and an example of what it is defined by. */
export const KINDS: Record<CohortKind, { label: string; example: string }> = {
  ESTATE_RESIDENTS: { label: 'Residents of an estate (housing association)', example: 'hedelundgardparken' },
  DISTRICT_RESIDENTS: { label: 'Residents of a district (municipality)', example: 'osterbyen' },
  PROGRAMME_PARTICIPANTS: { label: 'Participants of an initiative (jobcentre)', example: 'part-time-job-programme' },
};

const AGE_BANDS = ['AGE_15_17', 'AGE_15_24', 'AGE_18_24', 'AGE_18_29', 'AGE_0_24'];

const today = () => new Date().toISOString().slice(0, 10);
const inForce = (agreement: Agreement) => agreement.validFrom <= today() && today() <= agreement.validTo;

const option = (value: string, text: string, selected = false) => h('option', { value, selected }, text);
const field = (label: string, control: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), control);

/** The form; pressing its button asks for the cohort it shows. */
export function cohortForm(agreements: Agreement[], ask: (definition: CohortDefinitionInput, agreement: string) => Promise<void>): HTMLFormElement {
  const first = agreements.find(inForce) ?? agreements[0];
  const agreement = h(
    'select',
    { name: 'agreement' },
    ...agreements.map((a) => option(a.code, `${a.purpose} (${a.validFrom} to ${a.validTo}${inForce(a) ? '' : ', not in force'})`, a === first)),
  );
  const kind = h('select', { name: 'kind' }, ...Object.entries(KINDS).map(([value, k]) => option(value, k.label)));
  const code = h('input', { name: 'code', value: KINDS.ESTATE_RESIDENTS.example, required: true, spellcheck: 'false' });
  const ageBand = h('select', { name: 'ageBand' }, ...AGE_BANDS.map((band) => option(band, ageBandText(band), band === 'AGE_15_24')));
  kind.addEventListener('change', () => {
    code.value = KINDS[kind.value as CohortKind].example;
  });

  const submit = () => {
    const cohortKind = kind.value as CohortKind;
    const where = cohortKind === 'PROGRAMME_PARTICIPANTS' ? { programme: code.value.trim() } : { area: code.value.trim() };
    return ask({ kind: cohortKind, ...where, ageBand: ageBand.value }, agreement.value);
  };
  const element = h(
    'form',
    { class: 'card cohort-form' },
    field('Data-sharing agreement', agreement),
    field('Cohort', kind),
    field('Estate, district or initiative code', code),
    field('Age band', ageBand),
    h('button', { type: 'submit' }, 'Show the profile'),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  return element;
}
