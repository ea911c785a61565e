import type { ApolloServerPlugin } from '@apollo/server';
import { BulkheadRejectedError, bulkhead, type BulkheadPolicy } from 'cockatiel';
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Gauge, type Registry } from 'prom-client';
import { wholeNumber } from '../config/wholeNumber';
import { BUSY_RETRY_AFTER_SECONDS, PartnerErrorCode } from '../traffic/PartnerFailure';

/** How many member-moving operations one gateway process runs at once, and how many may wait. */
export interface AdmissionSettings {
  concurrency: number;
  queue: number;
}

/**
 * A cohort with every measure at 7,000 members needs ~14 MB of the gateway's heap while it runs
 * (50 at once took a worker past 700 MB); four at a time keep that under 60 MB, and the partners,
 * not the gateway, set the pace of such requests anyway.
 */
export const DEFAULT_ADMISSION: AdmissionSettings = { concurrency: 4, queue: 64 };

/** `HUB_GATEWAY_COHORT_CONCURRENCY` and `HUB_GATEWAY_COHORT_QUEUE`, per gateway process. */
export function admissionSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AdmissionSettings {
  return {
    concurrency: wholeNumber(env, 'HUB_GATEWAY_COHORT_CONCURRENCY', 1) ?? DEFAULT_ADMISSION.concurrency,
    queue: wholeNumber(env, 'HUB_GATEWAY_COHORT_QUEUE', 0) ?? DEFAULT_ADMISSION.queue,
  };
}

/** The same refusal as a full line to one partner (traffic/PartnerFailure.ts): come back shortly. */
export const BUSY_CODE = PartnerErrorCode.BUSY;
const RETRY_AFTER_SECONDS = BUSY_RETRY_AFTER_SECONDS;

const busy = () =>
  new GraphQLError('The gateway is answering as many cohort requests as it can hold; try again in a moment.', {
    extensions: {
      code: BUSY_CODE,
      retryAfter: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });

/**
 * Admission of operations that move cohort members (see memberMovingFields): at most
 * `concurrency` run in this process, up to `queue` wait in arrival order, and any beyond are
 * refused at once with GATEWAY_BUSY (HTTP 503, Retry-After), so a burst of them slows down
 * instead of exhausting the worker's heap. Every other operation passes untouched.
 */
export class Admission {
  private readonly policy: BulkheadPolicy;
  private readonly verdicts = new WeakMap<DocumentNode, boolean>();

  constructor(
    private readonly fields: ReadonlySet<string>,
    private readonly settings: AdmissionSettings,
  ) {
    this.policy = bulkhead(settings.concurrency, settings.queue);
  }

  /** Whether the document selects a member-moving field; decided once per parsed document. */
  movesMembers(document: DocumentNode, schema: GraphQLSchema): boolean {
    let verdict = this.verdicts.get(document);
    if (verdict === undefined) {
      verdict = false;
      const typeInfo = new TypeInfo(schema);
      visit(document, visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          const parent = typeInfo.getParentType();
          if (parent && this.fields.has(`${parent.name}.${node.name.value}`)) verdict = true;
        },
      }));
      this.verdicts.set(document, verdict);
    }
    return verdict;
  }

  /** Resolves with the function that gives the slot back, or rejects with GATEWAY_BUSY. */
  enter(): Promise<() => void> {
    return new Promise((entered, refused) => {
      this.policy
        .execute(() => new Promise<void>((leave) => entered(leave)))
        .catch((error: unknown) => refused(error instanceof BulkheadRejectedError ? busy() : error));
    });
  }

  /** Member-moving operations running and waiting, as a gauge on /metrics. */
  observe(registry: Registry): void {
    const { policy, settings } = this;
    new Gauge({
      name: 'hub_gateway_member_operations',
      help: 'Operations that move cohort members between partners, by state (running or waiting).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'running' }, settings.concurrency - policy.executionSlots);
        this.set({ state: 'waiting' }, settings.queue - policy.queueSlots);
      },
    });
  }

  /** The Apollo plugin: admits after validation and the other limits, gives the slot back with the answer. */
  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        let leave: (() => void) | undefined;
        return {
          didResolveOperation: async ({ document, schema }) => {
            if (this.movesMembers(document, schema)) leave = await this.enter();
          },
          willSendResponse: async () => {
            leave?.();
            leave = undefined;
          },
        };
      },
    };
  }
}
