// Reads the figures the dashboard rendered (its data-* attributes and text) and compares them with
// the graph's own answers.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Fulfilment } from './graphAnswers';

export interface GraphMeasure {
  value: number | null;
  unit: string;
  suppressed: boolean;
  suppressionReason: string | null;
  perturbed: boolean;
}

export const MEASURE_SELECTION = '{ value unit suppressed suppressionReason perturbed }';

/** A rendered Measure cell: its dataset, text and tooltip. */
export type RenderedCell = Record<string, string | undefined> & { text: string; title: string | null };

export function renderedCells(page: Page, selector: string): Promise<RenderedCell[]> {
  return page.$$eval(selector, (cells) =>
    cells.map((cell) => ({ ...(cell as unknown as { dataset: Record<string, string> }).dataset, text: (cell.textContent ?? '').trim(), title: cell.getAttribute('title') })),
  );
}

/**
 * The cell shows the graph's answer: the same value, "suppressed" with the reason, or "unknown" when
 * no measure came back (its owner failed); never 0 or blank. A perturbed figure is marked "≈" and
 * says so in its tooltip.
 */
export function expectCellShows(cell: RenderedCell, measure: GraphMeasure | null, where: string): void {
  const shown = { where, suppressed: cell.suppressed, reason: cell.reason ?? null, value: cell.value === '' ? null : Number(cell.value) };
  if (measure === null) {
    expect({ ...shown, text: cell.text }).toEqual({ where, suppressed: '', reason: null, value: null, text: 'unknown' });
  } else if (measure.suppressed) {
    expect({ ...shown, text: cell.text }).toEqual({ where, suppressed: 'true', reason: measure.suppressionReason, value: null, text: 'suppressed' });
    expect(cell.title).toMatch(/^Withheld by disclosure control/);
  } else {
    expect({ ...shown, perturbed: cell.perturbed }).toEqual({
      where,
      suppressed: 'false',
      reason: null,
      value: measure.value,
      perturbed: String(measure.perturbed),
    });
    if (measure.value === null) expect(cell.text).toBe('no data');
    else expect(cell.text).not.toMatch(/^(suppressed|no data|)$/);
    if (measure.perturbed && measure.value !== null) {
      expect(cell.text).toMatch(/^≈/);
      expect(cell.title).toMatch(/Perturbed by disclosure control/);
    }
  }
}

/** A goal-fulfilment badge's figures as the page shows them. */
export async function badge(page: Page, scope: string): Promise<Fulfilment> {
  const element = page.locator(`${scope} [data-testid="goal-fulfilment"]`).first();
  // An empty attribute is a null figure (an owner did not answer), never 0.
  const figure = async (name: string) => {
    const value = await element.getAttribute(`data-${name}`);
    return value === '' || value === null ? null : Number(value);
  };
  return { indicators: Number(await figure('indicators')), met: await figure('met'), unknown: await figure('unknown'), share: await figure('share') };
}

/** Presses an export button and returns the downloaded file's text. */
export async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFileSync((await file.path())!, 'utf8');
}
