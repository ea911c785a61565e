import { Role } from '@hub/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { registerCheck } from './commands/check';
import { registerCompose } from './commands/compose';
import { registerDeploy } from './commands/deploy';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerNew } from './commands/new';
import { reset } from './commands/reset';
import { start } from './commands/start';
import { token, type TokenOptions } from './commands/token';
import { EXIT_USAGE } from './usageError';

const DEFAULT_PERSONS = 10000;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError(`expected a whole number above 0, got "${value}"`);
  }
  return parsed;
}

export const program = new Command('hub')
  .description(
    'The partner data hub: a GraphQL federation of the alliance partners\' own data. Each partner ' +
      'publishes its own slice from its own database as a subgraph (subgraphs/<partner>/); the ' +
      'gateway answers questions across them. Build first: npm run build.',
  )
  .showHelpAfterError()
  // Inherited by every command added below: a usage error exits 2, help exits 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE))
  .addHelpText(
    'after',
    `
Examples:
  $ hub start                          # every partner and the gateway, with seed data
  $ hub token --role analyst           # a development token for the sandbox or curl
  $ hub new museum                     # a new partner's subgraph, ready to build
  $ hub compose                        # regenerate schema/supergraph.graphql
  $ hub check jobcentre                # does a schema change break anyone?

Run "hub <command> --help" for a command's arguments, options and exit codes. Every
command exits 2, having done nothing, when it is called wrongly.
Environment: see docs/reference/configuration.md (<PREFIX>_DATABASE_URL, <PREFIX>_PORT, HUB_DATA_DIR...).`,
  );

program
  .command('start')
  .description('Start every partner subgraph and the gateway, each as its own process.')
  .option('--memory', 'throwaway in-memory databases instead of the .data/ folder')
  .option('--persons <n>', 'persons in the seed of an empty database', positiveInteger, DEFAULT_PERSONS)
  .action((options: { memory?: boolean; persons: number }) => start(options));

program
  .command('reset')
  .description('Drop every partner database under .data/ (or at its URL), migrate and reseed.')
  .option('--persons <n>', 'persons in the new seed', positiveInteger, DEFAULT_PERSONS)
  .action((options: { persons: number }) => reset(options));

program
  .command('token')
  .description('Print a development bearer token for the sandbox or curl (never valid in production).')
  .addOption(
    new Option('--role <role...>', 'role(s) the token carries')
      .choices(Object.values(Role))
      .makeOptionMandatory(),
  )
  .option('--partner <organisation>', 'the caller\'s partner organisation', 'lauritzen-foundation')
  .option('--purpose <text>', 'purpose of processing (needed for person-level data)')
  .option('--subject <id>', 'who the caller is (default: a made-up development user)')
  .option('--expires <duration>', 'lifetime such as 15m or 8h', '8h')
  .addHelpText(
    'after',
    `
Examples:
  $ hub token --role analyst
  $ hub token --role partner-staff --partner jobcentre-esbjerg --purpose "part-time job follow-up"
  $ hub token --role dashboard`,
  )
  .action((options: TokenOptions) => token(options));

registerCompose(program);
registerCheck(program);
registerImport(program);
registerExport(program);
registerNew(program);
registerDeploy(program);
