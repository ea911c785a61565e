import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SubgraphAnswer } from './graphqlAnswer';

/** A partner's answer, its body as it came, and whether it may be shared (`SHAREABLE_HEADER`). */
export interface PartnerAnswer {
  answer: SubgraphAnswer;
  /** The body the answer was parsed from: each waiting caller parses its own copy from it. */
  text: string;
  shareable: boolean;
  /** The version of the partner's data it was computed from, if the partner said. */
  version?: string;
}

/** The version an answer may be kept under: shareable, versioned and without errors; else undefined. */
export function reusableVersion({ answer, shareable, version }: PartnerAnswer): string | undefined {
  return shareable && (answer.errors?.length ?? 0) === 0 ? version : undefined;
}

/** Told the version of the answer a fetch got (`reusableVersion`), or undefined when it may not be kept. */
export type VersionNote = (version: string | undefined) => void;

const noNote: VersionNote = () => undefined;

/** Hooks for metrics. */
export interface InFlightObserver {
  /** A fetch started (+1) or stopped (-1) waiting for an identical one in flight. */
  waiting?(delta: 1 | -1): void;
  /** A fetch was answered with the shareable answer of an identical one. */
  merged?(): void;
}

/** Fetches remembered as person-level, so that they go to the partner at once, never waiting for another. */
const PERSONAL_FETCHES = 10_000;

/**
 * What a person-level fetch is remembered by: its digest, not its body. A cohort's fetch carries
 * every member's pseudonym (megabytes at a municipality's size): ten thousand remembered bodies
 * would fill the gateway's heap, ten thousand digests take half a megabyte.
 */
const digestOf = (body: string) => createHash('sha256').update(body).digest('base64');

/**
 * Identical fetches to one partner, in flight at once for callers with the same rights, made
 * once: the first goes to the partner, the others wait for its answer. The partner decides what
 * may be shared: an answer it marked shareable (aggregates only, no audited look) is given to every
 * waiting caller, each its own copy parsed from the body (the executor writes into what it gets,
 * and parsing is cheaper than a deep copy); any other answer only to its own caller, the waiting
 * ones then send their own fetch, so every person-level look reaches the partner and its audit trail. A fetch that was once person-level is not held again.
 */
export class InFlightFetches {
  /** The call in flight for each rights and body. */
  private readonly leaders = new Map<string, Promise<PartnerAnswer>>();
  /** Digests of the fetches answered person-level. */
  private readonly personal = new LRUCache<string, true>({ max: PERSONAL_FETCHES });

  constructor(private readonly observer: InFlightObserver = {}) {}

  /** Whether a fetch of `body` was answered person-level before (never shared, never kept). */
  isPersonal(body: string): boolean {
    return this.personal.has(digestOf(body));
  }

  /** `body` is the fetch as sent; `rights` what the partner's answer may depend on besides it. */
  async fetch(body: string, rights: string, send: () => Promise<PartnerAnswer>, note: VersionNote = noNote): Promise<SubgraphAnswer> {
    if (this.isPersonal(body)) return this.own(send, note);
    const key = `${rights}\n${body}`;
    const leader = this.leaders.get(key);
    return leader ? this.follow(leader, send, note) : this.lead(key, body, send, note);
  }

  private async own(send: () => Promise<PartnerAnswer>, note: VersionNote): Promise<SubgraphAnswer> {
    const answer = await send();
    note(reusableVersion(answer));
    return answer.answer;
  }

  private async lead(key: string, body: string, send: () => Promise<PartnerAnswer>, note: VersionNote): Promise<SubgraphAnswer> {
    const call = send();
    this.leaders.set(key, call);
    try {
      const led = await call;
      if (!led.shareable) this.personal.set(digestOf(body), true);
      note(reusableVersion(led));
      return led.answer;
    } finally {
      this.leaders.delete(key);
    }
  }

  private async follow(leader: Promise<PartnerAnswer>, send: () => Promise<PartnerAnswer>, note: VersionNote): Promise<SubgraphAnswer> {
    this.observer.waiting?.(1);
    let led: PartnerAnswer;
    try {
      led = await leader;
    } finally {
      this.observer.waiting?.(-1);
    }
    if (!led.shareable) return this.own(send, note);
    this.observer.merged?.();
    note(reusableVersion(led));
    return JSON.parse(led.text) as SubgraphAnswer;
  }
}
