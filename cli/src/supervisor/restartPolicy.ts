/** How soon a process of the hub that died is started again. */
export interface RestartPolicy {
  /** Wait before the first restart; each further restart waits twice as long as the one before. */
  firstDelayMs: number;
  /** The longest wait between restarts. */
  maxDelayMs: number;
  /** A process that ran this long before dying counts as healthy: its next restart waits `firstDelayMs` again. */
  stableAfterMs: number;
}

export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/** The wait before restart number `attempt` (1, 2, ...): 0.5 s, 1 s, 2 s ... up to 30 s with the default policy. */
export function restartDelayMs(attempt: number, policy: RestartPolicy = RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
}

/** "0.5 s", "1 s", "30 s": as the log says it. */
export const inSeconds = (ms: number): string => `${ms / 1000} s`;
