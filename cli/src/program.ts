import { Command, InvalidArgumentError } from 'commander';
import { reset } from './commands/reset';
import { start } from './commands/start';

const DEFAULT_PERSONS = 10000;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError(`expected a whole number above 0, got "${value}"`);
  }
  return parsed;
}

export const program = new Command('hub')
  .description('The partner data hub: a GraphQL federation of the alliance partners\' own data.')
  .showHelpAfterError();

program
  .command('start')
  .description('Start the five partner subgraphs and the gateway, each as its own process.')
  .option('--memory', 'throwaway in-memory databases instead of the .data/ folder')
  .option('--persons <n>', 'persons in the seed of an empty database', positiveInteger, DEFAULT_PERSONS)
  .action((options: { memory?: boolean; persons: number }) => start(options));

program
  .command('reset')
  .description('Drop every partner database under .data/ (or at its URL), migrate and reseed.')
  .option('--persons <n>', 'persons in the new seed', positiveInteger, DEFAULT_PERSONS)
  .action((options: { persons: number }) => reset(options));
