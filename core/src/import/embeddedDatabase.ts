import { existsSync } from 'node:fs';
import path from 'node:path';
import { ImportSetupError } from './errors';

/**
 * PGlite runs one session in the process that opened it, and two processes opening the same
 * folder would both write to it unchecked. While open, PGlite keeps a `postmaster.pid` in its
 * folder (removed when it closes cleanly): an import refuses to start while it is there, so it
 * does not run beside the partner's running subgraph. PostgreSQL has no such limit.
 */
export function assertEmbeddedDatabaseFree(partner: string, dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    throw new ImportSetupError(
      `The ${partner} embedded database at ${dataDir} is in use (${pidFile} exists): stop the ${partner} ` +
        'subgraph (hub start / npm start) and run the import again. If nothing is using it (a process ' +
        'that crashed left the file behind), delete that file.',
    );
  }
}
