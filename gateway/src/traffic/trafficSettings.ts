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
}

export const DEFAULT_TRAFFIC: TrafficSettings = {
  timeoutMs: 3000,
  retries: 2,
  circuitThreshold: 5,
  circuitCooldownMs: 5000,
  maxSockets: 128,
};

/**
 * Settings per partner from the environment: `<PREFIX>_TIMEOUT_MS` per partner, and for all of
 * them `HUB_PARTNER_RETRIES`, `HUB_CIRCUIT_THRESHOLD`, `HUB_CIRCUIT_COOLDOWN_MS`. A value that is
 * not a whole number stops the gateway at start, naming the variable.
 */
export function trafficSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, TrafficSettings> {
  const shared: TrafficSettings = {
    ...DEFAULT_TRAFFIC,
    retries: wholeNumber(env, 'HUB_PARTNER_RETRIES', 0) ?? DEFAULT_TRAFFIC.retries,
    circuitThreshold: wholeNumber(env, 'HUB_CIRCUIT_THRESHOLD', 1) ?? DEFAULT_TRAFFIC.circuitThreshold,
    circuitCooldownMs: wholeNumber(env, 'HUB_CIRCUIT_COOLDOWN_MS', 1) ?? DEFAULT_TRAFFIC.circuitCooldownMs,
  };
  return Object.fromEntries(
    PARTNERS.map((partner) => [
      partner.name,
      { ...shared, timeoutMs: wholeNumber(env, `${partner.envPrefix}_TIMEOUT_MS`, 1) ?? shared.timeoutMs },
    ]),
  );
}
