import {
  ImportFileError,
  ImportSetupError,
  mappingTitle,
  maskNationalIds,
  type ImportMapping,
  type ImportProgress,
  type ImportResult,
} from '@hub/core';
import { EXIT_USAGE } from '../usageError';
import type { ImportCommandOptions } from './import';

/** Exit codes of `hub import`, documented in its help. */
export const EXIT = { LOADED: 0, REJECTED: 1, USAGE: EXIT_USAGE, LOADED_WITH_REJECTS: 3, INTERRUPTED: 130 } as const;

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** The summary of a finished import; national IDs are masked in every message. */
export function report(file: string, mapping: ImportMapping, result: ImportResult, options: ImportCommandOptions): number {
  for (const error of result.errors) {
    console.error(`${file} line ${error.line}, column ${error.column}: ${maskNationalIds(error.reason)}`);
  }
  const problemsShown = result.errors.length;
  if (result.rowsRejected > 0 && !options.rejects) {
    console.error(
      `${count(result.rowsRejected)} bad row(s)${problemsShown < result.rowsRejected ? ` (first ${problemsShown} problems above)` : ''}: ` +
        'the file was rejected, nothing was written. Fix them, or load the good rows with --rejects <file>.',
    );
  }
  const rate = result.elapsedMs > 0 ? Math.round((result.rowsRead / result.elapsedMs) * 1000) : 0;
  const verb = options.dryRun ? 'checked' : 'loaded';
  console.log(
    `${mappingTitle(mapping)}: ${count(result.rowsRead)} rows read, ${count(result.rowsLoaded)} ${verb}, ` +
      `${count(result.rowsRejected)} rejected in ${seconds(result.elapsedMs)} (${count(rate)} rows/s)` +
      (result.outcome === 'rejected' ? '; nothing written' : options.dryRun ? '; dry run, nothing written' : ''),
  );
  if (result.outcome === 'loaded' || result.outcome === 'loaded-with-rejects') {
    console.log(
      `  ${result.tables.map((t) => `${t.table}: ${count(t.inserted)} new, ${count(t.updated)} changed`).join('; ')}`,
    );
  }
  if (options.rejects && result.rowsRejected > 0) console.log(`  bad rows, national IDs masked: ${options.rejects}`);
  if (result.outcome === 'rejected') return EXIT.REJECTED;
  return result.rowsRejected > 0 ? EXIT.LOADED_WITH_REJECTS : EXIT.LOADED;
}

export function failure(file: string, error: unknown, stage: 'setup' | 'load', interrupted: boolean): number {
  const message = maskNationalIds(error instanceof Error ? error.message : String(error));
  if (interrupted) {
    console.error('interrupted: rolled back, nothing was written');
    return EXIT.INTERRUPTED;
  }
  if (error instanceof ImportSetupError) {
    console.error(`hub import: ${message}`);
    return EXIT.USAGE;
  }
  if (error instanceof ImportFileError) {
    console.error(`${file}${error.line === undefined ? ':' : ''} ${message}; nothing was written`);
    return EXIT.REJECTED;
  }
  if (stage === 'setup') {
    console.error(`hub import: ${message}`);
    return EXIT.USAGE;
  }
  console.error(`hub import: the load failed and was rolled back, nothing was written: ${message}`);
  return EXIT.REJECTED;
}

/** Progress on stderr, redrawn in place at most five times a second, only on a terminal. */
export function progressLine(): { update(progress: ImportProgress): void; clear(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(p) {
      if (!tty || p.elapsedMs - last < 200) return;
      last = p.elapsedMs;
      shown = true;
      const share = p.totalBytes > 0 ? Math.floor((p.bytesRead / p.totalBytes) * 100) : 100;
      const rate = Math.round((p.rowsRead / p.elapsedMs) * 1000);
      process.stderr.write(
        `\r\x1b[K${share}%  ${count(p.rowsRead)} rows read, ${count(p.rowsRejected)} rejected, ${count(rate)} rows/s`,
      );
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
