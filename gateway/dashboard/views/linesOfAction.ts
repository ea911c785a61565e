// View: the four lines of action, each with its initiatives, funding, goal fulfilment and key
// figures today in the district against the comparison area.
import { h, onClick, show } from '../dom';
import { graphql } from '../graphql';
import { measureCell, measureText, type Measure } from '../measure';
import { errorList } from '../notices';
import CULTURE_LEISURE_KEY_FIGURES from '../operations/CultureLeisureKeyFigures.graphql';
import HEALTH_KEY_FIGURES from '../operations/HealthKeyFigures.graphql';
import JOB_KEY_FIGURES from '../operations/JobKeyFigures.graphql';
import LEARNING_KEY_FIGURES from '../operations/LearningKeyFigures.graphql';
import LINES_OF_ACTION from '../operations/LinesOfAction.graphql';
import { fulfilmentBadge, type LineGoalFulfilment } from './goalFulfilment';

export type LineOfActionCode = 'HEALTH' | 'CULTURE_LEISURE' | 'LEARNING' | 'JOB';

/**
 * A LineOfAction field measured by area, as shown in a line's card. Its operation asks it aliased
 * `<field>District` and `<field>Comparison`, with this age band.
 */
interface KeyFigure {
  label: string;
  field: string;
  ageBand?: string;
}

/** What each line of action is steered by, from the partners' own measures: one registered operation a line. */
const KEY_FIGURES: Record<LineOfActionCode, { operation: string; figures: KeyFigure[] }> = {
  HEALTH: {
    operation: HEALTH_KEY_FIGURES,
    figures: [
      { label: 'Well-being at school (1-5)', field: 'wellBeing' },
      { label: 'Members of a Health club, 15-17', field: 'clubMembership', ageBand: 'AGE_15_17' },
    ],
  },
  CULTURE_LEISURE: {
    operation: CULTURE_LEISURE_KEY_FIGURES,
    figures: [
      { label: 'Members of a Culture and leisure club, 15-17', field: 'clubMembership', ageBand: 'AGE_15_17' },
      { label: 'Members of any club, 15-17', field: 'volunteerClubMembers', ageBand: 'AGE_15_17' },
    ],
  },
  LEARNING: {
    operation: LEARNING_KEY_FIGURES,
    figures: [
      { label: 'In education, 15-24', field: 'inEducationShare', ageBand: 'AGE_15_24' },
      { label: 'Neither in education nor in work, 15-24', field: 'neetShare', ageBand: 'AGE_15_24' },
    ],
  },
  JOB: {
    operation: JOB_KEY_FIGURES,
    figures: [
      { label: 'With a part-time job, 15-17', field: 'partTimeJobShare', ageBand: 'AGE_15_17' },
      { label: 'On public benefits, 18-29', field: 'benefitShare', ageBand: 'AGE_18_29' },
    ],
  },
};

interface Area {
  code: string;
  name: string;
}

/** The two areas compared, by the suffix of their aliases in the key-figure operations. */
type ComparedAreas = { District: Area; Comparison: Area };

interface LineOfAction {
  code: LineOfActionCode;
  name: string;
  description: string;
  funding: Measure | null;
  initiatives: { totalCount: number };
  goalFulfilment: LineGoalFulfilment | null;
}

/** The alliance's own district and the area it is compared with (codes from the municipality's register). */
const AREA_CODES = { district: 'osterbyen', comparison: 'esbjerg' };

function keyFigureTable(code: LineOfActionCode, figures: Record<string, Measure | null>, areas: ComparedAreas): HTMLTableElement {
  const compared = Object.entries(areas) as [keyof ComparedAreas, Area][];
  const row = (figure: KeyFigure) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, figure.label),
      ...compared.map(([suffix, area]) =>
        measureCell(figures[`${figure.field}${suffix}`], { 'data-line': code, 'data-field': figure.field, 'data-area': area.code, 'data-age-band': figure.ageBand ?? '' }),
      ),
    );
  return h(
    'table',
    { class: 'figures' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Today'), ...compared.map(([, area]) => h('th', {}, area.name)))),
    h('tbody', {}, ...KEY_FIGURES[code].figures.map(row)),
  );
}

function lineCard(line: LineOfAction, figures: HTMLTableElement, onSelect: (code: LineOfActionCode) => void): HTMLElement {
  return h(
    'article',
    { class: 'card line-card', 'data-testid': `line-${line.code}` },
    h('header', {}, h('h3', {}, line.name), fulfilmentBadge(line.goalFulfilment)),
    h('p', { class: 'description' }, line.description),
    h(
      'dl',
      { class: 'facts' },
      h('div', {}, h('dt', {}, 'Initiatives'), h('dd', { 'data-testid': 'initiatives' }, line.initiatives.totalCount)),
      h('div', {}, h('dt', {}, 'Funding'), h('dd', { 'data-testid': 'funding', 'data-value': line.funding?.value ?? '' }, measureText(line.funding))),
    ),
    figures,
    onClick(h('button', { type: 'button', class: 'link' }, `Indicators of ${line.name} →`), () => onSelect(line.code)),
  );
}

/** Renders the line cards into `container`; `onSelect` opens a line's indicators. */
export async function renderLinesOfAction(container: HTMLElement, onSelect: (code: LineOfActionCode) => void): Promise<LineOfAction[]> {
  const codes = Object.keys(KEY_FIGURES) as LineOfActionCode[];
  const [lines, ...figures] = await Promise.all([
    graphql<{ linesOfAction: LineOfAction[]; district: Area | null; comparison: Area | null }>(LINES_OF_ACTION, AREA_CODES),
    ...codes.map((code) => graphql<{ lineOfAction: Record<string, Measure | null> }>(KEY_FIGURES[code].operation, AREA_CODES)),
  ]);
  // An area the municipality did not name (it did not answer) is headed by its code.
  const areas = {
    District: lines.data.district ?? { code: AREA_CODES.district, name: AREA_CODES.district },
    Comparison: lines.data.comparison ?? { code: AREA_CODES.comparison, name: AREA_CODES.comparison },
  };
  const cards = lines.data.linesOfAction.map((line) => {
    const table = keyFigureTable(line.code, figures[codes.indexOf(line.code)].data.lineOfAction, areas);
    return lineCard(line, table, onSelect);
  });
  show(container, errorList([lines, ...figures].flatMap((answer) => answer.errors)), h('div', { class: 'line-grid' }, ...cards));
  return lines.data.linesOfAction;
}
