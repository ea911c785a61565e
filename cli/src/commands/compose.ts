import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DASHBOARD_SUPERGRAPH_PATH,
  SUBGRAPHS,
  SUPERGRAPH_PATH,
  composeSubgraphs,
  dashboardSubgraph,
  describeProblem,
  subgraphSdl,
  type CompositionProblem,
  type SubgraphSdl,
} from '@hub/schema';
import type { Command } from 'commander';

export interface ComposeOptions {
  /** Where to write the two files; default schema/ (the checked-in ones). */
  outDir?: string;
}

/** A path as the user would type it from where they stand. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function printProblems(title: string, problems: readonly CompositionProblem[], print: (line: string) => void): void {
  print(title);
  for (const problem of problems) {
    print('');
    for (const line of describeProblem(problem)) print(line);
  }
}

function write(file: string, content: string): string {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return `${shown(file)} (${before === undefined ? 'new' : before === content ? 'unchanged' : 'updated'})`;
}

/**
 * `hub compose`: what `npm run compose` does (schema/src/compose.ts), with composition errors
 * and hints explained: the supergraph of all partners and the dashboard contract, written only
 * when both compose. Returns the exit code.
 */
export async function compose(options: ComposeOptions = {}): Promise<number> {
  const sdls: SubgraphSdl[] = [];
  for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(definition));
  const names = sdls.map((subgraph) => subgraph.name).join(', ');

  const full = composeSubgraphs(sdls);
  if (full.supergraphSdl === undefined) {
    printProblems(
      `✖ The subgraphs do not compose: ${plural(full.errors.length, 'error')}. Nothing was written.`,
      full.errors,
      console.error,
    );
    return 1;
  }
  const dashboard = composeSubgraphs(sdls.map(dashboardSubgraph));
  if (dashboard.supergraphSdl === undefined) {
    printProblems(
      `✖ The dashboard contract (person-level and audit elements @inaccessible) does not compose: ${plural(dashboard.errors.length, 'error')}. Nothing was written.`,
      dashboard.errors,
      console.error,
    );
    return 1;
  }

  const outDir = options.outDir ? path.resolve(options.outDir) : undefined;
  const target = (file: string) => (outDir ? path.join(outDir, path.basename(file)) : file);
  const written = [
    write(target(SUPERGRAPH_PATH), full.supergraphSdl),
    write(target(DASHBOARD_SUPERGRAPH_PATH), dashboard.supergraphSdl),
  ];
  console.log(`✔ Composed ${sdls.length} subgraphs (${names}).`);
  for (const line of written) console.log(`  wrote ${line}`);
  const hints = [...full.hints, ...dashboard.hints];
  if (hints.length > 0) printProblems(`${plural(hints.length, 'composition hint')}:`, hints, console.log);
  return 0;
}

export function registerCompose(program: Command): void {
  program
    .command('compose')
    .summary('Compose the supergraph from the partner subgraphs and write it to schema/.')
    .description(
      'Compose the supergraph from the partner subgraphs in subgraphs/, as their code builds them, with ' +
        'Apollo Federation composition, and write schema/supergraph.graphql (what the gateway ' +
        'serves) and schema/supergraph.dashboard.graphql (the dashboard contract). Commit both ' +
        'with the change.\n\n' +
        'When the subgraphs do not compose, each error is printed with the subgraphs, types, ' +
        'fields and lines it is about, and nothing is written.',
    )
    .option('--out-dir <dir>', 'write the two files to this folder instead of schema/')
    .addHelpText(
      'after',
      `
Examples:
  $ hub compose                        # regenerate the checked-in supergraph
  $ hub compose --out-dir /tmp/graph   # compose without touching schema/

Exit codes: 0 composed and written, 1 the subgraphs do not compose.`,
    )
    .action(async (options: ComposeOptions) => {
      process.exitCode = await compose(options);
    });
}
