import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  assertEmbeddedDatabaseFree,
  ImportSetupError,
  partnerSpec,
  prepareDatabase,
  subgraphOptionsFromEnv,
  type Database,
  type SubgraphDefinition,
} from '@hub/core';
import { REPO_ROOT } from '../paths';

/** The extract to read, as an absolute path: refused when it is missing or not a file. */
export function extractPath(file: string): string {
  const input = path.resolve(file);
  if (!existsSync(input)) throw new ImportSetupError(`${file}: no such file`);
  if (statSync(input).isDirectory()) throw new ImportSetupError(`${file} is a directory; expected a CSV file`);
  return input;
}

/**
 * Where `--rejects` writes, checked before anything is loaded: the file is written beside its
 * target and renamed into place, so its folder must exist and be writable, and the target must
 * not be a folder (the rename would fail only after every row was checked).
 */
export function rejectsPath(rejects: string | undefined, input: string): string | undefined {
  if (rejects === undefined) return undefined;
  const target = path.resolve(rejects);
  if (target === input) throw new ImportSetupError('--rejects must name another file than the extract');
  if (existsSync(target) && statSync(target).isDirectory()) {
    const example = path.join(rejects, `${path.parse(input).name}.rejects.csv`);
    throw new ImportSetupError(`--rejects: ${rejects} is a directory; name a file in it, e.g. ${example}`);
  }
  const folder = path.dirname(target);
  if (!existsSync(folder)) throw new ImportSetupError(`--rejects: no folder ${folder}`);
  if (!statSync(folder).isDirectory()) throw new ImportSetupError(`--rejects: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new ImportSetupError(`--rejects: cannot write in ${folder}`);
  }
  return target;
}

/** The partner's database, opened for an import, and what to say about it. */
export interface OpenedDatabase {
  database: Database;
  /** For the "Loading ... into ..." line. */
  where: string;
  /** The folder the import created for a new embedded database: removed again unless the load commits. */
  created?: string;
}

/** The outermost folder of `dir` that does not exist yet (`dir` itself, or one of its parents). */
function firstMissingFolder(dir: string): string | undefined {
  let missing: string | undefined;
  for (let at = dir; !existsSync(at); at = path.dirname(at)) missing = at;
  return missing;
}

/**
 * Opens and migrates (never seeds) the partner's database, as its subgraph would at start. If the
 * embedded database's folder had to be created and opening fails, it is removed again.
 */
export async function openPartnerDatabase(definition: SubgraphDefinition<unknown>): Promise<OpenedDatabase> {
  const { envPrefix } = partnerSpec(definition.name);
  const env = { ...process.env, HUB_DATA_DIR: path.resolve(REPO_ROOT, process.env.HUB_DATA_DIR || '.data') };
  const settings = subgraphOptionsFromEnv(definition.name, env);
  if (!settings.databaseUrl && !settings.dataDir) {
    throw new ImportSetupError('HUB_MEMORY is set: the import would go to a throwaway in-memory database; unset it.');
  }
  if (settings.dataDir) assertEmbeddedDatabaseFree(definition.name, settings.dataDir);
  const where = settings.databaseUrl
    ? `the ${definition.name} PostgreSQL database (${envPrefix}_DATABASE_URL)`
    : `the ${definition.name} embedded database (${settings.dataDir})`;
  const created = settings.dataDir ? firstMissingFolder(settings.dataDir) : undefined;
  try {
    const database = await prepareDatabase(definition, { databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
    return { database, where, created };
  } catch (error) {
    removeCreated(created);
    throw new ImportSetupError(`could not open ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Removes a folder the import created: a failed first import leaves no migrated, empty database behind. */
export function removeCreated(created: string | undefined): void {
  if (created) rmSync(created, { recursive: true, force: true });
}
