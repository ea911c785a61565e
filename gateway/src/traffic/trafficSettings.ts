import { PARTNERS } from '@hub/core';
import { wholeNumber } from '../config/wholeNumber';

/** How the gateway treats one partner's subgraph. */
export interface TrafficSettings {
  /** Longest one attempt may take, answer body included (ms). */
  timeoutMs: number;
  /** Extra attempts for a query after a refused or reset connection or a 502/503/504; mutations get none. */
  retries: number;
  /** Consecutive failures that open the circuit. */
  circuitThreshold: number;
  /** How long an open circuit answers at once, before one trial request may reach the partner (ms). */
  circuitCooldownMs: number;
  /** Most connections kept open to the partner; each is reused (keep-alive). */
  maxSockets: number;
  /**
   * Most calls this gateway process has at the partner at once. More wait in line, and their wait
   * is neither part of the timeout nor a failure for the circuit: a busy partner is not a down one.
   */
  concurrency: number;
  /** Most calls waiting in that line; beyond it the caller gets GATEWAY_BUSY with Retry-After. */
  queue: number;
  /**
   * Most bytes one client request may move to and from the partner, bodies sent and answers read;
   * beyond it the partner's part is PARTNER_TRAFFIC_LIMIT. Bounds the gateway's memory per request.
   */
  requestBytes: number;
}

export const DEFAULT_TRAFFIC: TrafficSettings = {
  timeoutMs: 3000,
  retries: 2,
  circuitThreshold: 5,
  circuitCooldownMs: 5000,
  maxSockets: 128,
  concurrency: 8,
  queue: 512,
  // Fifteen cohorts of Esbjerg's young people (about 3 MB of pseudonyms at most) fit; four such
  // requests at once stay well inside a worker's 160 MB heap.
  requestBytes: 16 * 1024 * 1024,
};

/**
 * Settings per partner from the environment: `<PREFIX>_TIMEOUT_MS` per partner, and for all of
 * them `HUB_PARTNER_RETRIES`, `HUB_CIRCUIT_THRESHOLD`, `HUB_CIRCUIT_COOLDOWN_MS`,
 * `HUB_PARTNER_CONCURRENCY`, `HUB_PARTNER_QUEUE` and `HUB_REQUEST_PARTNER_MB`. A value that is
 * not a whole number stops the gateway at start, naming the variable.
 */
const megabytes = (value: number | undefined) => (value === undefined ? undefined : value * 1024 * 1024);

export function trafficSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, TrafficSettings> {
  const shared: TrafficSettings = {
    ...DEFAULT_TRAFFIC,
    retries: wholeNumber(env, 'HUB_PARTNER_RETRIES', 0) ?? DEFAULT_TRAFFIC.retries,
    circuitThreshold: wholeNumber(env, 'HUB_CIRCUIT_THRESHOLD', 1) ?? DEFAULT_TRAFFIC.circuitThreshold,
    circuitCooldownMs: wholeNumber(env, 'HUB_CIRCUIT_COOLDOWN_MS', 1) ?? DEFAULT_TRAFFIC.circuitCooldownMs,
    concurrency: wholeNumber(env, 'HUB_PARTNER_CONCURRENCY', 1) ?? DEFAULT_TRAFFIC.concurrency,
    queue: wholeNumber(env, 'HUB_PARTNER_QUEUE', 0) ?? DEFAULT_TRAFFIC.queue,
    requestBytes: megabytes(wholeNumber(env, 'HUB_REQUEST_PARTNER_MB', 1)) ?? DEFAULT_TRAFFIC.requestBytes,
  };
  return Object.fromEntries(
    PARTNERS.map((partner) => [
      partner.name,
      { ...shared, timeoutMs: wholeNumber(env, `${partner.envPrefix}_TIMEOUT_MS`, 1) ?? shared.timeoutMs },
    ]),
  );
}
