import {
  chooseMapping,
  describeColumns,
  importCsv,
  ImportSetupError,
  linkageKeyFrom,
  mappingTitle,
  PARTNER_NAMES,
  readCsvHead,
  type ImportResult,
} from '@hub/core';
import { SUBGRAPHS, importMappingsOf } from '@hub/schema';
import { type Command, Option } from 'commander';
import { failure, progressLine, report } from './importOutput';
import { extractPath, openPartnerDatabase, rejectsPath, removeCreated, type OpenedDatabase } from './importSetup';

/** The partners that can load extracts: those whose package exports mappings (its `src/import/`). */
const importingPartners = () => PARTNER_NAMES.filter((partner) => importMappingsOf(partner).length > 0);

function importerOf(partner: string) {
  const definition = SUBGRAPHS.find((candidate) => candidate.name === partner);
  const mappings = definition ? importMappingsOf(partner) : [];
  return definition && mappings.length > 0 ? { definition, mappings } : undefined;
}

export interface ImportCommandOptions {
  mapping?: string;
  rejects?: string;
  dryRun?: boolean;
  delimiter?: string;
  devLinkageKey?: boolean;
}


/** Registers `hub import <partner> <file>` on the program. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .summary("Load a partner's CSV extract into its own database, national IDs pseudonymised.")
    .description(
      "Load a partner's extract (CSV) into that partner's own database, in one transaction. " +
        'Every row is checked; national IDs become pseudonyms as they are read and are never ' +
        'written, logged or shown. Loading the same file again changes nothing; a newer extract ' +
        'updates the rows in place (by natural key).',
    )
    .argument('<partner>', 'whose database receives the rows: a partner whose subgraph declares import mappings')
    .argument('<file>', 'the CSV extract: a header line naming the columns, then one row per line')
    .option(
      '--mapping <name>',
      "the mapping to read the file with (default: the one its first line names, or the partner's only one)",
    )
    .option(
      '--rejects <file>',
      'write the bad rows here, national IDs masked, and load the good ones (without it, one bad row rejects the whole file)',
    )
    .option('--dry-run', 'check every row and roll back: nothing is written')
    .addOption(
      new Option('--delimiter <char>', 'cell delimiter (default: detected from the header line)').choices([
        ',',
        ';',
        'tab',
      ]),
    )
    .option(
      '--dev-linkage-key',
      'pseudonymise with the public development key: synthetic data only (refused with NODE_ENV=production)',
    )
    // Built when asked for: it loads every partner's package, which `hub new` may not have built yet.
    .addHelpText('after', () => helpText())
    .showHelpAfterError("(hub import --help shows the arguments, the mappings' columns and the exit codes)")
    .action(async (partner: string, file: string, options: ImportCommandOptions) => {
      process.exitCode = await runImport(partner, file, options);
    });
}

function helpText(): string {
  const mappings = importingPartners().flatMap(importMappingsOf);
  const described = mappings
    .map((m) =>
      [`  ${mappingTitle(m)}: ${m.description}`, ...describeColumns(m).map((line) => `    ${line}`)].join('\n'),
    )
    .join('\n');
  return `
Mappings (columns in any order; the file's first line may name its mapping, e.g.
"# mapping: jobcentre/employment v1"):
${described}

Database: the partner's own, chosen as its subgraph chooses it: <PREFIX>_DATABASE_URL
(e.g. JOBCENTRE_DATABASE_URL) when set, otherwise the embedded database in
$HUB_DATA_DIR/<partner> (default .data/<partner>). An embedded database opens in one
process only: stop the partner's subgraph (hub start) before importing.

National IDs: pseudonymised with the alliance's linkage key from HUB_LINKAGE_KEY (at least
32 characters; never pass it as an argument). Errors and the rejects file name the line and
column of a bad ID, never its value. A row with anything shaped like a national ID in another
column (a name, a remark) is refused: only the ID column is pseudonymised.

The file must be UTF-8 (convert others first, e.g. iconv -f latin1 -t utf-8 in.csv > out.csv)
and hold at least one row after its header.

Examples:
  $ HUB_LINKAGE_KEY=... hub import jobcentre employment-2026-10.csv
  $ hub import jobcentre employment.csv --rejects employment.rejects.csv
  $ hub import jobcentre employment.csv --dry-run --dev-linkage-key

Exit codes:
    0  every row loaded (with --dry-run: every row is good, nothing written)
    1  nothing loaded: bad rows without --rejects, a malformed file (not CSV, not
       UTF-8, no rows), or the load failed
    2  nothing done: wrong usage, no linkage key, no such file (or a folder), a --rejects
       path that cannot be written, database in use or unreachable
    3  with --rejects: the good rows loaded, the bad ones in the rejects file
  130  interrupted (Ctrl-C, SIGTERM): rolled back, nothing written`;
}

/** `hub import`: the whole command, returning its exit code; prints the summary and the errors. */
export async function runImport(partner: string, file: string, options: ImportCommandOptions): Promise<number> {
  let opened: OpenedDatabase | undefined;
  let committed = false;
  let stage: 'setup' | 'load' = 'setup';
  const abort = new AbortController();
  // Stopped on purpose: roll back and close the database cleanly (PGlite's files stay sound).
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const importer = importerOf(partner);
    if (!importer) {
      throw new ImportSetupError(
        `"${partner}" has no import mappings; partners that can import: ${importingPartners().join(', ')}`,
      );
    }
    const input = extractPath(file);
    const rejects = rejectsPath(options.rejects, input);
    const { key, development } = linkageKeyFrom(process.env, { developmentKey: options.devLinkageKey });
    const head = await readCsvHead(input);
    const mapping = chooseMapping(partner, importer.mappings, head.directive, options.mapping);
    opened = await openPartnerDatabase(importer.definition);
    if (development) console.error('note: using the public development linkage key: for synthetic data only');
    console.error(
      `Loading ${file} into ${opened.where} with ${mappingTitle(mapping)}${options.dryRun ? ' (dry run)' : ''}`,
    );
    stage = 'load';
    const progress = progressLine();
    let result: ImportResult;
    try {
      result = await importCsv({
        mapping,
        dataSource: opened.database.dataSource,
        file: input,
        linkageKey: key,
        rejectsFile: rejects,
        dryRun: options.dryRun,
        delimiter: options.delimiter === 'tab' ? '\t' : options.delimiter,
        onProgress: progress.update,
        signal: abort.signal,
      });
    } finally {
      progress.clear();
    }
    committed = result.outcome === 'loaded' || result.outcome === 'loaded-with-rejects';
    return report(file, mapping, result, options);
  } catch (error) {
    return failure(file, error, stage, abort.signal.aborted);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await opened?.database.close();
    if (!committed) removeCreated(opened?.created);
  }
}
