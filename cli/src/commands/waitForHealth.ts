import { setTimeout as sleep } from 'node:timers/promises';

/** Polls a `/healthz` URL until it answers 200; first boots of PGlite and seeding take seconds. */
export async function waitForHealth(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}
