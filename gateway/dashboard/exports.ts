// CSV and JSON exports of what a view shows, made in the browser from the same graph answers: the
// export holds exactly the figures disclosure control let through. A suppressed figure is an empty
// value with `suppressed` true and its reason, never 0.
import type { CsvRow } from '@hub/core/src/export/csvRows';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { h, onClick } from './dom';

function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const toCsv = (rows: CsvRow[]): string => stringify(rows, { header: true, cast: { boolean: (value) => String(value) } });

/** "Export CSV" and "Export JSON" buttons; each asks for the current rows when pressed. */
export function exportButtons(name: string, source: () => { rows: CsvRow[]; json: unknown }): HTMLElement {
  return h(
    'div',
    { class: 'export-buttons' },
    onClick(h('button', { type: 'button', 'data-export': 'csv' }, 'Export CSV'), () => download(`${name}.csv`, 'text/csv;charset=utf-8', toCsv(source().rows))),
    onClick(h('button', { type: 'button', 'data-export': 'json' }, 'Export JSON'), () =>
      download(`${name}.json`, 'application/json', `${JSON.stringify(source().json, null, 2)}\n`),
    ),
  );
}
