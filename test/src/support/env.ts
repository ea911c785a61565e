import { PARTNERS } from '@hub/core';

/**
 * Partner time limits far above the default 3 s, for tests that check what a page or an example
 * shows rather than how fast: a busy CI machine must not turn them into partner timeouts. Speed
 * is the benchmark's business (docs/performance.md).
 */
export const PATIENT_PARTNERS: Record<string, string> = Object.fromEntries(
  PARTNERS.map((partner) => [`${partner.envPrefix}_TIMEOUT_MS`, '60000']),
);

/** Runs `run` with `env` set, then puts the environment back as it was. */
export async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
