#!/usr/bin/env node
import { program } from './program';
import { EXIT_USAGE, UsageError } from './usageError';

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? EXIT_USAGE : 1);
});
