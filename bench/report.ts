// Printing: aligned tables (Markdown, so they paste into docs/performance.md as they are), the ratios
// hub/Hive and hub/floor, and the issue's targets judged on them.
import type { ContenderName } from './contenders';
import type { LoadResult } from './load';

export interface ScenarioResult {
  scenario: string;
  /** The 50 ms scenarios judge latency against the floor. */
  delayed: boolean;
  results: Partial<Record<ContenderName, LoadResult>>;
}

const CONTENDER_TITLE: Record<ContenderName, string> = {
  floor: 'floor',
  hub: 'hub gateway',
  hive: 'Hive Gateway',
  hiveRust: 'Hive Gateway, Rust planner',
};
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** A Markdown table with every column as wide as its widest cell; numbers aligned right. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const numeric = header.map((_h, i) => rows.every((row) => /^[\d.,]+( MB| KB|×| ms| %)?( \(.*\))?$|^n\/a$|^–$/.test(row[i])));
  const cell = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function loadTable(scenarios: ScenarioResult[]): string {
  const rows = scenarios.flatMap(({ scenario, results }) =>
    (Object.entries(results) as [ContenderName, LoadResult][]).map(([name, r]) => [
      scenario,
      CONTENDER_TITLE[name],
      r.requestsPerSecond.toFixed(0),
      ms(r.mean),
      ms(r.p95),
      ms(r.p99),
      ms(r.cpuMsPerRequest),
      `${mb(r.peakRss.total)} (${mb(r.peakRss.largest)})`,
      String(r.failed),
    ]),
  );
  return table(['scenario', 'contender', 'req/s', 'mean ms', 'p95 ms', 'p99 ms', 'CPU ms / request', 'peak RSS (largest process)', 'failed'], rows);
}

export function ratioTable(scenarios: ScenarioResult[]): string {
  const rows = scenarios.map(({ scenario, results: { floor, hub, hive, hiveRust } }) => {
    const ratio = (a: number | undefined, b: number | undefined) => times((a ?? NaN) / (b ?? NaN));
    return [
      scenario,
      ratio(hub?.requestsPerSecond, hive?.requestsPerSecond),
      ratio(hub?.requestsPerSecond, hiveRust?.requestsPerSecond),
      ratio(hub?.mean, hive?.mean),
      ratio(hub?.requestsPerSecond, floor?.requestsPerSecond),
      ratio(hub?.mean, floor?.mean),
      ratio(hub?.p95, floor?.p95),
      ratio(hub?.cpuMsPerRequest, hive?.cpuMsPerRequest),
    ];
  });
  return table(['scenario', 'req/s hub/Hive', 'req/s hub/Hive Rust', 'mean hub/Hive', 'req/s hub/floor', 'mean hub/floor', 'p95 hub/floor', 'CPU / request hub/Hive'], rows);
}

/** The issue's targets, each with the figure it is judged on. */
export function targets(scenarios: ScenarioResult[], workers: number): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  for (const { scenario, delayed, results: { floor, hub, hive, hiveRust } } of scenarios) {
    if (!hub) continue;
    const failing = Object.entries({ floor, hub, hive, hiveRust }).filter(([, r]) => r && r.failed > 0).map(([name]) => name);
    if (failing.length > 0) {
      lines.push(`${scenario}: not judged, failed requests (${failing.join(', ')}): the subgraphs were overloaded`);
      continue;
    }
    if (hive && !delayed) {
      const ratio = hub.requestsPerSecond / hive.requestsPerSecond;
      lines.push(`${scenario}: throughput hub/Hive ${times(ratio)} (≥ 2×): ${verdict(ratio >= 2)}`);
    }
    if (hiveRust && !delayed) {
      const ratio = hub.requestsPerSecond / hiveRust.requestsPerSecond;
      lines.push(`${scenario}: throughput hub/Hive with the Rust planner ${times(ratio)} (≥ 1×): ${verdict(ratio >= 1)}`);
    }
    if (floor && delayed) {
      const mean = hub.mean / floor.mean;
      const p95 = hub.p95 / floor.p95;
      lines.push(`${scenario}: latency hub/floor mean ${times(mean)} (≤ 1.1×), p95 ${times(p95)} (≤ 1.3×): ${verdict(mean <= 1.1 && p95 <= 1.3)}`);
    }
  }
  const largest = Math.max(...scenarios.map((s) => s.results.hub?.peakRss.largest ?? 0));
  lines.push(`RSS per hub gateway process (${workers} workers): peak ${mb(largest)} (≤ 250 MB): ${verdict(largest <= 250 * 1024 * 1024)}`);
  return lines;
}
