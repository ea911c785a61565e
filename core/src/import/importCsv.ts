import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Parser } from 'csv-parse';
import type { DataSource, QueryRunner } from 'typeorm';
import { pseudonymise } from '../seed/pseudonym';
import { ensureAreaReference, loadAreas } from './areaReference';
import type { ImportContext } from './columns';
import { readCsvHead, readHeader, type HeaderMap } from './csvHead';
import { csvParser, csvSyntaxError } from './csvSyntax';
import { ImportFileError } from './errors';
import { mappingTitle, type ImportMapping, type Problem } from './ImportMapping';
import { parseRow } from './parseRow';
import { RejectsFile } from './RejectsFile';
import { upsertRows, type UpsertCounts } from './upsertRows';
import { NotUtf8, notUtf8Error, watchUtf8 } from './utf8';

/** Rows per statement: fast on PGlite, far below PostgreSQL's 65,535 bind parameters. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Row errors kept in the result for people to read; the rejects file has them all. */
const ERRORS_KEPT = 20;

export interface ImportOptions {
  mapping: ImportMapping;
  /** The partner's own database, migrated. */
  dataSource: DataSource;
  file: string;
  linkageKey: string;
  /** Write bad rows here (masked) and load the good ones; without it one bad row rejects the file. */
  rejectsFile?: string;
  /** Check and write in a transaction, then roll it back. */
  dryRun?: boolean;
  /** Detected from the header line when not given (`,`, `;` or tab). */
  delimiter?: string;
  batchSize?: number;
  /** Aborting rolls the transaction back (Ctrl-C); `importCsv` then throws. */
  signal?: AbortSignal;
  /** Called after every batch. */
  onProgress?(progress: ImportProgress): void;
}

export interface ImportProgress {
  rowsRead: number;
  rowsRejected: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

/** One bad row's problem, located: `line` is the file's line (1-based) where the row starts. */
export interface RowError extends Problem {
  line: number;
}

export interface ImportResult {
  /**
   * `loaded`: every row written. `loaded-with-rejects`: the good rows written, the bad ones in the
   * rejects file. `rejected`: bad rows and no rejects file, nothing written. `checked`: a dry run.
   */
  outcome: 'loaded' | 'loaded-with-rejects' | 'rejected' | 'checked';
  rowsRead: number;
  /** Rows written (or, in a dry run, that would be). */
  rowsLoaded: number;
  rowsRejected: number;
  elapsedMs: number;
  /** Per table, in the mapping's order: rows new and rows changed (identical rows are not written). */
  tables: ({ table: string } & UpsertCounts)[];
  /** The first few problems, in file order (all of them are in the rejects file). */
  errors: RowError[];
}

/**
 * Loads one extract into a partner's database in one transaction, streaming: rows are parsed,
 * validated and written in batches of multi-row upserts, so memory stays flat whatever the size.
 * National IDs are replaced by their pseudonyms as each row is parsed and are never written,
 * logged or put in a message. Throws `ImportFileError` when the file as a whole cannot be read
 * (header, malformed CSV); the transaction is then rolled back.
 */
export async function importCsv(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const { mapping } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const totalBytes = (await stat(options.file)).size;
  const head = await readCsvHead(options.file);
  const named = head.directive;
  if (
    named &&
    (named.partner !== mapping.partner || named.name !== mapping.name || named.version !== mapping.version)
  ) {
    throw new ImportFileError(
      `line 1: the file was written for ${named.partner}/${named.name} v${named.version}, not ${mappingTitle(mapping)}`,
      1,
    );
  }
  const runner = options.dataSource.createQueryRunner();

  const counts = mapping.tables.map((target) => ({ table: target.table, inserted: 0, updated: 0 }));
  const errors: RowError[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  let rowsAccepted = 0;
  let header: HeaderMap | undefined;
  let headerLine = 0;
  let rejects: RejectsFile | undefined;
  let batch: Record<string, unknown>[] = [];
  let input: ReadStream | undefined;
  let parser: Parser | undefined;

  // Once a row is bad and there is no rejects file, the transaction will be rolled back:
  // the rest of the file is still checked, so every problem is counted, but nothing more is written.
  const writing = () => rowsRejected === 0 || options.rejectsFile !== undefined;
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length === 0 || !writing()) return;
    for (const [i, target] of mapping.tables.entries()) {
      const written = await upsertRows(runner, {
        table: target.table,
        key: target.key,
        rows: rows.flatMap((row) => target.rows(row)),
      });
      counts[i].inserted += written.inserted;
      counts[i].updated += written.updated;
    }
  };
  const progress = () =>
    options.onProgress?.({
      rowsRead,
      rowsRejected,
      bytesRead: input?.bytesRead ?? 0,
      totalBytes,
      elapsedMs: performance.now() - started,
    });

  await runner.connect();
  try {
    await runner.startTransaction();
    await ensureAreaReference(runner);
    const context: ImportContext = {
      areas: await loadAreas(runner),
      pseudonymise: (nationalId) => pseudonymise(nationalId, options.linkageKey),
    };
    // Opened only now: a parse error is then always caught by the loop below, never emitted
    // with nobody listening while the transaction starts.
    input = createReadStream(options.file);
    parser = csvParser(options.delimiter ?? head.delimiter);
    const csv = parser;
    input.on('error', (error) => csv.destroy(error));
    watchUtf8(input, (error) => csv.destroy(error));
    input.pipe(parser);
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        // `lines` counts to the end of the row; a quoted cell may have spanned several.
        const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        if (options.signal?.aborted) throw new Error('The import was interrupted.');
        if (!header) {
          header = readHeader(record, mapping, line);
          headerLine = line;
          if (options.rejectsFile)
            rejects = await RejectsFile.open(options.rejectsFile, header.names, header.nationalIdIndex);
          continue;
        }
        rowsRead += 1;
        const parsed = parseRow(record, header, mapping, context);
        if (parsed.ok) {
          rowsAccepted += 1;
          if (writing()) batch.push(parsed.row);
        } else {
          rowsRejected += 1;
          for (const problem of parsed.problems) if (errors.length < ERRORS_KEPT) errors.push({ line, ...problem });
          await rejects?.write(line, parsed.problems, record);
        }
        if (batch.length >= batchSize || rowsRead % batchSize === 0) {
          await flush();
          progress();
        }
      }
    } catch (error) {
      throw error instanceof NotUtf8 ? await notUtf8Error(options.file) : await csvSyntaxError(error, options.file);
    }
    if (!header) throw new ImportFileError('the file is empty: expected a header line naming the columns');
    // Refused like an empty file: an export that stopped after its header is no success to report.
    if (rowsRead === 0) {
      throw new ImportFileError(`line ${headerLine}: the file has a header line but no rows: nothing to load`, headerLine);
    }
    await flush();
    progress();
    const rejected = rowsRejected > 0 && !options.rejectsFile;
    // In place before the commit: a rejects file that cannot be written must undo the load.
    await rejects?.keep();
    if (rejected || options.dryRun) await runner.rollbackTransaction();
    else await runner.commitTransaction();
    return {
      outcome: rejected ? 'rejected' : options.dryRun ? 'checked' : rowsRejected > 0 ? 'loaded-with-rejects' : 'loaded',
      rowsRead,
      rowsLoaded: rejected ? 0 : rowsAccepted,
      rowsRejected,
      elapsedMs: performance.now() - started,
      tables: rejected ? counts.map(({ table }) => ({ table, inserted: 0, updated: 0 })) : counts,
      errors,
    };
  } catch (error) {
    await rollbackQuietly(runner);
    await rejects?.discard();
    throw error;
  } finally {
    input?.destroy();
    parser?.destroy();
    await runner.release();
  }
}

async function rollbackQuietly(runner: QueryRunner): Promise<void> {
  if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
}
