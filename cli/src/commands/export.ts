import { writeFileSync } from 'node:fs';
import { AgeBand, COHORT_KINDS, LineOfActionCode } from '@hub/core';
import { type Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { COHORT_MEASURE_NAMES, cohortRows, exportCohort, parseDay, parseMeasures, type CohortExportOptions } from './exportCohort';
import { EXPORT_EXIT, ExportError, defaultGatewayUrl } from './exportGraphQL';
import { exportIndicators, type IndicatorExportOptions, type Row } from './exportIndicators';

interface OutputOptions {
  format: 'csv' | 'json';
  out?: string;
}

/**
 * The rows as CSV (a header line, then one line per row; a withheld figure is an empty cell, with
 * `true` in its `suppressed` column, never 0) or as JSON (the same rows, withheld figures null).
 */
export function formatRows(rows: readonly Row[], format: OutputOptions['format']): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return stringify([...rows], {
    header: true,
    columns: Object.keys(rows[0] ?? {}),
    cast: { boolean: (value) => String(value) },
  });
}

/** What an export writes: its rows, and for JSON a fuller document of the same answer when it has one. */
interface Exported {
  rows: Row[];
  json?: unknown;
}

async function run(what: string, exported: () => Promise<Exported>, options: OutputOptions): Promise<number> {
  try {
    const { rows, json } = await exported();
    const text = options.format === 'json' && json !== undefined ? `${JSON.stringify(json, null, 2)}\n` : formatRows(rows, options.format);
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
    console.error(`Exported ${rows.length} ${what} row(s)${options.out ? ` to ${options.out}` : ''}.`);
    return EXPORT_EXIT.OK;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    console.error(error.message);
    return error.exitCode;
  }
}

const formatOption = () => new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv');

const EXIT_CODES = 'Exit codes: 0 exported, 1 the gateway refused or answered with errors (nothing written), 2 bad options or no token.';

/** The options every export shares: format, file, gateway and token. */
function addOutputOptions(command: Command): Command {
  return command
    .addOption(formatOption())
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--gateway <url>', `the gateway's GraphQL endpoint (default: HUB_GATEWAY_URL or ${defaultGatewayUrl({})})`)
    .option('--token <jwt>', 'your bearer token (default: HUB_TOKEN)');
}

/** Registers `hub export indicators` and `hub export cohort` on the program. */
export function registerExport(program: Command): void {
  const exporter = program
    .command('export')
    .summary("Export the graph's answers as CSV or JSON, with the same disclosure control.")
    .description(
      'Export a table from the running hub as CSV or JSON: the indicators, or the profile of a cohort. The ' +
        'command asks the gateway over HTTP with your token, like any client: the numbers are the graph\'s ' +
        'answers, after the same access rules and disclosure control. A withheld figure is exported empty ' +
        '(null in JSON) with its suppressed column true, never as 0. Any error in the answer fails the ' +
        'export: nothing is written.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ export HUB_TOKEN=$(npm run --silent token -- --role analyst)
  $ hub export indicators --out indicators.csv
  $ hub export cohort --agreement medvind-neet-follow-up --area hedelundgardparken --age-band AGE_15_24 --out neet.csv

Run "hub export <table> --help" for its options. ${EXIT_CODES}`,
    )
    .showHelpAfterError('(hub export <table> --help lists the options)');
  addOutputOptions(
    exporter
      .command('indicators')
      .description("The alliance's indicators: definition, baseline, target, today's values and goal fulfilment.")
      .addOption(new Option('--line-of-action <code>', 'only this line of action').choices(Object.values(LineOfActionCode)))
      .addOption(new Option('--series <period>', 'the time series instead: one row per indicator and period').choices(['YEAR', 'MONTH'])),
  )
    .showHelpAfterError('(hub export indicators --help lists the options and exit codes)')
    .addHelpText(
      'after',
      `
Examples:
  $ export HUB_TOKEN=$(npm run --silent token -- --role analyst)
  $ hub export indicators --out indicators.csv
  $ hub export indicators --line-of-action JOB --format json
  $ hub export indicators --series MONTH --out indicators-by-month.csv

${EXIT_CODES}`,
    )
    .action(async (options: IndicatorExportOptions & OutputOptions) => {
      process.exitCode = await run('indicator', async () => ({ rows: await exportIndicators(options) }), options);
    });
  registerExportCohort(exporter);
}

function registerExportCohort(exporter: Command): void {
  addOutputOptions(
    exporter
      .command('cohort')
      .description(
        "A cohort's profile under a data-sharing agreement: one row per measure (measure, value, unit, numerator, " +
          'denominator, suppressed, suppression_reason, perturbed). CSV rows start with the cohort (agreement, kind, area, ' +
          'programme, age_band, as_of); JSON has the definition and the agreement once, then the measures.',
      )
      .requiredOption('--agreement <code>', 'the data-sharing agreement to ask under (the graph\'s dataSharingAgreements lists them)')
      .addOption(new Option('--kind <kind>', "the kind of cohort (default: the one the agreement's provider defines)").choices(COHORT_KINDS))
      .option('--area <code>', 'ESTATE_RESIDENTS: an estate; DISTRICT_RESIDENTS: a district, or esbjerg for the whole municipality')
      .option('--programme <code>', 'PROGRAMME_PARTICIPANTS: an initiative, e.g. part-time-job-programme')
      .addOption(new Option('--age-band <band>', 'age on the reference date (default: AGE_0_24)').choices(Object.values(AgeBand)))
      .option('--as-of <date>', 'reference date: 1 January of a year, YYYY-MM-DD (default: the latest)', parseDay)
      .option(
        '--measures <list>',
        `comma-separated, of ${COHORT_MEASURE_NAMES.join(', ')} (agreement names such as IN_WORK too; default: size and every measure the agreement grants)`,
        parseMeasures,
      ),
  )
    .showHelpAfterError('(hub export cohort --help lists the options and exit codes)')
    .addHelpText(
      'after',
      `
Examples:
  $ export HUB_TOKEN=$(npm run --silent token -- --role analyst)
  $ hub export cohort --agreement medvind-neet-follow-up --area hedelundgardparken --age-band AGE_15_24 --as-of 2026-01-01
  $ hub export cohort --agreement osterbyen-youth-job-and-leisure --area osterbyen --age-band AGE_15_17 --measures size,partTimeJob --format json
  $ hub export cohort --agreement part-time-job-programme-education --programme part-time-job-programme --out programme.csv

A measure the agreement does not grant is refused by the graph (FORBIDDEN): the export fails and writes nothing.
${EXIT_CODES}`,
    )
    .action(async (options: CohortExportOptions & OutputOptions) => {
      process.exitCode = await run(
        'cohort measure',
        async () => {
          const document = await exportCohort(options);
          return { rows: cohortRows(document), json: document };
        },
        options,
      );
    });
}
