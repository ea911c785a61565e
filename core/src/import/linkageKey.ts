import { DEFAULT_WORLD_OPTIONS } from '../seed/generateWorld';
import { ImportSetupError } from './errors';

/** Shorter keys are refused: the key is all that stands between a pseudonym and a guessed ID. */
export const MIN_LINKAGE_KEY_LENGTH = 32;

export interface LinkageKey {
  key: string;
  /** The public development key: for synthetic data only. */
  development: boolean;
}

/**
 * The alliance's linkage key for a loading job: `HUB_LINKAGE_KEY` from the environment (never a
 * command-line argument, which other users of the machine can read), or the public development
 * key when asked for explicitly and outside production.
 */
export function linkageKeyFrom(env: NodeJS.ProcessEnv, options: { developmentKey?: boolean } = {}): LinkageKey {
  const fromEnv = env.HUB_LINKAGE_KEY;
  if (options.developmentKey) {
    if (fromEnv) {
      throw new ImportSetupError('HUB_LINKAGE_KEY is set and --dev-linkage-key was given: choose one.');
    }
    if (env.NODE_ENV === 'production') {
      throw new ImportSetupError('--dev-linkage-key is refused with NODE_ENV=production: its key is public.');
    }
    return { key: DEFAULT_WORLD_OPTIONS.linkageKey, development: true };
  }
  if (!fromEnv) {
    throw new ImportSetupError(
      "HUB_LINKAGE_KEY is not set: national IDs cannot be pseudonymised without the alliance's linkage key. " +
        "Get it from the backbone secretariat's secrets store, or pass --dev-linkage-key for synthetic test data.",
    );
  }
  if (fromEnv === DEFAULT_WORLD_OPTIONS.linkageKey) {
    throw new ImportSetupError('HUB_LINKAGE_KEY is the public development key; use --dev-linkage-key to mean that.');
  }
  if (fromEnv.length < MIN_LINKAGE_KEY_LENGTH) {
    throw new ImportSetupError(
      `HUB_LINKAGE_KEY is too short: expected at least ${MIN_LINKAGE_KEY_LENGTH} characters, got ${fromEnv.length}.`,
    );
  }
  return { key: fromEnv, development: false };
}
