import { createHash } from 'node:crypto';
import type { SubgraphAnswer } from '../graphqlAnswer';
import { reusableVersion, type PartnerAnswer } from '../InFlightFetches';
import type { AnswerStore } from './AnswerStore';
import type { VersionProbe } from './VersionProbe';

/** hit: kept and current; miss: nothing kept; changed: kept for an older version; unknown: the partner's version could not be read. */
export type KeptOutcome = 'hit' | 'miss' | 'changed' | 'unknown';

/**
 * One partner's answers kept across callers with the same rights, each with the version of the
 * partner's data it was computed from. A kept answer is given only after the partner confirmed,
 * by a probe started after the request arrived, that its version is still that one: never
 * stale, and no time to live to guess. Only answers the partner marked shareable and versioned
 * (aggregates, no person-level read, no audited look) and that hold no error are kept.
 */
export class KeptAnswers {
  constructor(
    private readonly partner: string,
    private readonly store: AnswerStore,
    private readonly probe: VersionProbe,
    private readonly observed: (outcome: KeptOutcome) => void = () => undefined,
  ) {}

  /** Where the answer to `body` for callers with `rights` is kept (the partner, rights and body hashed). */
  keyOf(rights: string, body: string): string {
    return createHash('sha256').update(this.partner).update('\0').update(rights).update('\0').update(body).digest('base64url');
  }

  /** The partner's current version (`VersionProbe`); `authorization` vouches for the probe. */
  version(authorization: string | undefined): Promise<string | undefined> {
    return this.probe.current(authorization);
  }

  /** A copy of the kept answer, and its version, if it is current; `authorization` vouches for the probe. */
  async current(key: string, authorization: string | undefined): Promise<{ answer: SubgraphAnswer; version: string } | undefined> {
    const kept = await this.store.get(key).catch(() => undefined);
    if (!kept) return this.outcome('miss');
    const version = await this.probe.current(authorization);
    if (version === undefined) return this.outcome('unknown');
    if (version !== kept.version) return this.outcome('changed');
    this.observed('hit');
    // Each caller its own copy: the executor writes into what it gets.
    return { answer: JSON.parse(kept.text) as SubgraphAnswer, version };
  }

  /** Keeps the partner's answer if it may be kept; never delays or fails the caller. */
  keep(key: string, answer: PartnerAnswer): void {
    const version = reusableVersion(answer);
    if (version !== undefined) this.store.set(key, { version, text: answer.text }).catch(() => undefined);
  }

  private outcome(outcome: KeptOutcome): undefined {
    this.observed(outcome);
    return undefined;
  }
}
