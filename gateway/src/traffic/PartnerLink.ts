import type http from 'node:http';
import type { TracedSpan } from '@hub/core';
import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
  type ICancellationContext,
} from 'cockatiel';
import { graphqlAnswerOf, type SubgraphAnswer } from './graphqlAnswer';
import type { AnswerStore } from './answers/AnswerStore';
import { KeptAnswers, type KeptOutcome } from './answers/KeptAnswers';
import { VersionProbe } from './answers/VersionProbe';
import { InFlightFetches, type PartnerAnswer, type VersionNote } from './InFlightFetches';
import type { PartnerTraffic } from './PartnerTraffic';
import { partnerFailureOf, type PartnerErrorCode, type PartnerFailure } from './PartnerFailure';
import { partnerAgent, postJson } from './postJson';
import type { TrafficSettings } from './trafficSettings';

/** `up`: its last call succeeded; `degraded`: its last call failed; `open`: its circuit is open. */
export type PartnerState = 'up' | 'degraded' | 'open';

/** A partner as `/readyz` reports it. */
export interface PartnerHealth {
  state: PartnerState;
  /** When it entered that state (ISO 8601). */
  since: string;
  /** The last failure that reached the partner: code, log detail (a status or errno), when. */
  lastError: { code: PartnerErrorCode; detail: string; at: string } | null;
}

/** Hooks for metrics; PartnerLink knows nothing of Prometheus. */
export interface PartnerObserver {
  fetched(partner: string, outcome: 'ok' | PartnerErrorCode, seconds: number): void;
  circuitChanged(partner: string, state: CircuitState): void;
  /** A fetch started (+1) or stopped (-1) waiting for an identical one in flight. */
  waiting(partner: string, delta: 1 | -1): void;
  /** A fetch answered with the answer of an identical one in flight, without a call of its own. */
  merged(partner: string): void;
  /** A fetch looked for a kept answer (`KeptAnswers`): what it found. */
  kept(partner: string, outcome: KeptOutcome): void;
}

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
  /** A query may be retried; a mutation never. */
  idempotent: boolean;
  /** For an entity fetch: how many `_entities` the answer must hold. */
  representations?: number;
  /**
   * What the answer may depend on besides the body (the caller's organisation, roles, purpose):
   * identical queries in flight with the same rights are made once (`InFlightFetches`). Without
   * it (mutations), every call goes to the partner.
   */
  rights?: string;
  /** Told the version of the answer the fetch got, or undefined when it may not be kept (`WholeAnswers`). */
  noteVersion?: VersionNote;
  /** The client request's traffic with this partner: the answer read counts against it too. */
  traffic?: PartnerTraffic;
  /** The fetch's span, told the partner's status or that a kept answer served it. */
  traced?: TracedSpan;
}

type Call = IPolicy<ICancellationContext>;

/**
 * The gateway's line to one partner: a bounded line of calls (at most `concurrency` at the
 * partner, `queue` waiting, GATEWAY_BUSY beyond), a keep-alive connection pool, a timeout per
 * attempt, retries with exponential backoff for queries, and a circuit breaker, so that a dead
 * partner costs a thrown error rather than a connection attempt or a timeout per request. The
 * timeout and the breaker act only once a call has left the line: waiting for a busy partner is
 * not a failure of that partner, and a burst of requests cannot open its circuit for everyone.
 */
export class PartnerLink {
  readonly url: URL;
  private readonly agent: http.Agent;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly forQueries: Call;
  private readonly forMutations: Call;
  private current: PartnerHealth = { state: 'up', since: new Date().toISOString(), lastError: null };
  private lastCallFailed = false;
  private readonly inFlight: InFlightFetches;
  private readonly keptAnswers?: KeptAnswers;

  constructor(
    readonly name: string,
    url: string,
    readonly settings: TrafficSettings,
    private readonly observer?: PartnerObserver,
    /** Where shareable answers are kept across callers; without it, none are. */
    answers?: AnswerStore,
  ) {
    this.url = new URL(url);
    this.inFlight = new InFlightFetches({
      waiting: (delta) => observer?.waiting(name, delta),
      merged: () => observer?.merged(name),
    });
    this.agent = partnerAgent(this.url, settings.maxSockets);
    if (answers) {
      const probe = new VersionProbe(this.url, this.agent, settings.timeoutMs);
      this.keptAnswers = new KeptAnswers(name, answers, probe, (outcome) => observer?.kept(name, outcome));
    }
    this.breaker = circuitBreaker(
      handleWhen((error) => partnerFailureOf(error).countsAgainstPartner),
      { halfOpenAfter: settings.circuitCooldownMs, breaker: new ConsecutiveBreaker(settings.circuitThreshold) },
    );
    this.breaker.onStateChange((state) => {
      this.refresh();
      this.observer?.circuitChanged(name, state);
    });
    // Aborting only on timeout (not on return) leaves a finished connection in the pool.
    const perAttempt = timeout(settings.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    const retries = retry(
      handleWhen((error) => partnerFailureOf(error).transient),
      { maxAttempts: settings.retries, backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 400 }) },
    );
    const line = bulkhead(settings.concurrency, settings.queue);
    this.forMutations = wrap(line, this.breaker, perAttempt);
    this.forQueries = wrap(line, retries, this.breaker, perAttempt);
  }

  get health(): PartnerHealth {
    return this.current;
  }

  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  /** One GraphQL request to the partner; throws a PartnerFailure when no usable answer came. */
  send(request: OutgoingRequest): Promise<SubgraphAnswer> {
    const { rights, body, noteVersion } = request;
    if (rights === undefined || !request.idempotent) {
      noteVersion?.(undefined);
      return this.call(request).then(({ answer }) => answer);
    }
    const kept = this.keptWhileUp();
    if (!kept || this.inFlight.isPersonal(body)) return this.inFlight.fetch(body, rights, () => this.call(request), noteVersion);
    return this.sendOrReuse(kept, request, rights);
  }

  /**
   * The kept answers, while the circuit is closed. Otherwise the partner counts as down: its
   * answers come through the circuit (at once refused, or the trial call that closes it).
   */
  private keptWhileUp(): KeptAnswers | undefined {
    return this.breaker.state === CircuitState.Closed ? this.keptAnswers : undefined;
  }

  /** The partner's current data version, if it keeps answers, is up and answers the probe in time. */
  async currentVersion(authorization: string | undefined): Promise<string | undefined> {
    return this.keptWhileUp()?.version(authorization);
  }

  /** A kept answer if it is current, else the partner's (merged with identical fetches in flight), kept for next time. */
  private async sendOrReuse(keptAnswers: KeptAnswers, request: OutgoingRequest, rights: string): Promise<SubgraphAnswer> {
    const key = keptAnswers.keyOf(rights, request.body);
    const kept = await keptAnswers.current(key, request.headers.authorization);
    if (kept) {
      request.traced?.span.setAttribute('hub.kept_answer', true);
      request.noteVersion?.(kept.version);
      return kept.answer;
    }
    const send = async () => {
      const answer = await this.call(request);
      keptAnswers.keep(key, answer);
      return answer;
    };
    return this.inFlight.fetch(request.body, rights, send, request.noteVersion);
  }

  private async call(request: OutgoingRequest): Promise<PartnerAnswer> {
    const started = performance.now();
    const policy = request.idempotent ? this.forQueries : this.forMutations;
    try {
      const answer = await policy.execute(
        async ({ signal }) => {
          const raw = await postJson(this.url, this.agent, request.body, request.headers, signal, request.traffic);
          request.traced?.span.setAttribute('http.response.status_code', raw.status);
          const answer = graphqlAnswerOf(raw, request.representations);
          return { answer, text: raw.body, shareable: raw.shareable, version: raw.version };
        },
        // Its own signal per call: cockatiel's shared default would collect a listener per call in flight.
        new AbortController().signal,
      );
      this.settled(null, started);
      return answer;
    } catch (error) {
      const failure = partnerFailureOf(error);
      this.settled(failure, started);
      throw failure;
    }
  }

  /** Closes the pooled connections (when the gateway stops). */
  close(): void {
    this.agent.destroy();
  }

  private settled(failure: PartnerFailure | null, started: number): void {
    this.observer?.fetched(this.name, failure?.code ?? 'ok', (performance.now() - started) / 1000);
    // A failure of the request itself (too large, refused) says nothing of the partner's health.
    const partnerFault = failure !== null && failure.countsAgainstPartner;
    this.lastCallFailed = partnerFault;
    if (partnerFault && !failure.shortCircuited) {
      this.current = { ...this.current, lastError: { code: failure.code, detail: failure.detail, at: new Date().toISOString() } };
    }
    this.refresh();
  }

  private refresh(): void {
    const state: PartnerState =
      this.breaker.state === CircuitState.Open ? 'open' : this.lastCallFailed ? 'degraded' : 'up';
    if (state !== this.current.state) this.current = { ...this.current, state, since: new Date().toISOString() };
  }
}
