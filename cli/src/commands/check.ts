import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNER_NAMES, type PartnerName } from '@hub/core';
import {
  SUBGRAPHS,
  SUPERGRAPH_PATH,
  checkPartnerSchema,
  describeProblem,
  subgraphSdl,
  type ChangeScope,
  type CheckReport,
  type Criticality,
  type SchemaChange,
} from '@hub/schema';
import { Argument, type Command } from 'commander';
import { UsageError } from '../usageError';
import { shown } from './compose';

export interface CheckOptions {
  schema?: string;
  json?: boolean;
  printSchema?: boolean;
}

const LABEL: Record<Criticality, string> = { BREAKING: 'BREAKING', DANGEROUS: 'DANGEROUS', SAFE: 'safe' };

function sectionTitle(scope: ChangeScope, partner: string): string {
  switch (scope) {
    case 'api':
      return 'Supergraph API (what clients query):';
    case 'dashboard':
      return 'Dashboard contract (what dashboard tokens are served):';
    case 'subgraph':
      return `${partner} subgraph (keys, federation directives, access rules):`;
  }
}

function count(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? '' : 's'}`;
}

function summary(report: CheckReport): string {
  if (!report.composed) {
    const errors = count(report.compositionErrors.length, 'composition error');
    return `✖ ${report.partner}: the proposed schema does not compose with the other subgraphs (${errors}); do not deploy.`;
  }
  if (report.changes.length === 0) return `✔ ${report.partner}: no changes to the graph; safe to deploy.`;
  const tally = `${count(report.breaking, 'breaking change')}, ${report.dangerous} dangerous, ${report.safe} safe`;
  if (!report.ok) return `✖ ${report.partner}: ${tally}; do not deploy as it is.`;
  return report.dangerous > 0
    ? `✔ ${report.partner}: ${tally}; safe to deploy, but read the dangerous ones.`
    : `✔ ${report.partner}: ${tally}; safe to deploy.`;
}

function changeLines(changes: readonly SchemaChange[]): string[] {
  const width = Math.min(48, Math.max(...changes.map((change) => change.path.length)));
  return changes.map(
    (change) => `  ${LABEL[change.criticality].padEnd(9)}  ${change.path.padEnd(width)}  ${change.message}`,
  );
}

/** The report as a terminal shows it: a summary line, then one line per change, by schema. */
export function formatCheckReport(
  report: CheckReport,
  where: { proposed: string; against: string; files?: Readonly<Record<string, string>> },
): string {
  const lines = [summary(report), `  proposed: ${where.proposed}`, `  against:  ${where.against}`];
  if (report.compositionErrors.length > 0) {
    lines.push('', 'Composition:');
    for (const problem of report.compositionErrors) lines.push(...describeProblem(problem, { files: where.files }));
  }
  for (const scope of ['api', 'dashboard', 'subgraph'] as const) {
    const changes = report.changes.filter((change) => change.scope === scope);
    if (changes.length > 0) lines.push('', sectionTitle(scope, report.partner), ...changeLines(changes));
  }
  if (report.hints.length > 0) {
    lines.push('', 'Composition hints:');
    for (const hint of report.hints) lines.push(...describeProblem(hint, { files: where.files }));
  }
  return lines.join('\n');
}

/** `hub check <partner>`: the partner's proposed subgraph schema against the checked-in supergraph. Returns the exit code. */
export async function check(partner: PartnerName, options: CheckOptions): Promise<number> {
  if (options.printSchema) {
    const definition = SUBGRAPHS.find((candidate) => candidate.name === partner);
    if (!definition) throw new Error(`Unknown partner "${partner}"`);
    process.stdout.write((await subgraphSdl(definition)).sdl + '\n');
    return 0;
  }
  let proposedSdl: string | undefined;
  if (options.schema !== undefined) {
    try {
      proposedSdl = readFileSync(options.schema, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read --schema ${options.schema}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const report = await checkPartnerSchema(partner, proposedSdl);
  const proposed = options.schema ?? `${partner}'s subgraph as its code builds it`;
  const against = shown(SUPERGRAPH_PATH);
  if (options.json) {
    console.log(JSON.stringify({ schemaFile: options.schema ?? null, supergraph: against, ...report }, null, 2));
  } else {
    const files = options.schema !== undefined ? { [partner]: shown(path.resolve(options.schema)) } : {};
    console.log(formatCheckReport(report, { proposed, against: `${against} and its dashboard contract`, files }));
  }
  return report.ok ? 0 : 1;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('Check a partner\'s proposed subgraph schema for breaking changes before deploy.')
    .description(
      'Check a partner\'s proposed subgraph schema before it is deployed. The supergraph is ' +
        'composed with the proposed schema in place of the partner\'s: it must compose with the ' +
        'other partners\' subgraphs. Then what clients can query today (the checked-in ' +
        'schema/supergraph.graphql and its dashboard contract) is compared with what they could ' +
        'query after, and the partner\'s subgraph as it is today with the proposal, so that key ' +
        'changes show.\n\n' +
        'Each change is BREAKING (a field, type or enum value removed or retyped, an argument or ' +
        'input field made required, a @key removed or changed), DANGEROUS (e.g. an enum value ' +
        'added, a default changed) or safe.',
    )
    .addArgument(new Argument('<partner>', 'the partner whose subgraph changes').choices(PARTNER_NAMES))
    .option(
      '--schema <file.graphql>',
      'the proposed subgraph SDL (default: the partner\'s subgraph as its code in this working tree builds it)',
    )
    .option('--json', 'print the report as JSON, for CI and scripts')
    .option('--print-schema', 'print the partner\'s current subgraph SDL, the starting point for --schema, and exit')
    .addHelpText(
      'after',
      `
Examples:
  $ hub check jobcentre                                # the jobcentre code in this working tree
  $ hub check jobcentre --print-schema > jobcentre.graphql
  $ hub check jobcentre --schema jobcentre.graphql     # after editing the SDL
  $ hub check jobcentre --schema jobcentre.graphql --json > report.json

Exit codes: 0 safe to deploy (no change, or only safe and dangerous ones),
            1 a breaking change, or the proposed schema does not compose,
            2 wrong usage (an unknown partner, an unreadable --schema file).`,
    )
    .action(async (partner: PartnerName, options: CheckOptions) => {
      process.exitCode = await check(partner, options);
    });
}
