import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Suppression } from '../disclosure/rules';
import { shareMeasure, type Measure } from '../graphql/Measure';
import type { RequestContext } from '../server/context';
import { decodeCohortId, describeCohort, type CohortMeasure } from './CohortDefinition';
import { writeCohortAudit, type CohortAuditEntry } from './cohortAudit';
import { countCohort, countCohortMeasures, type CohortSource } from './countCohort';
import { cohortReleaseSuppression } from './releaseRule';

/** A cohort as its definer decided on it: the members, or why they are withheld. */
export interface ReleaseDecision {
  members: string[];
  suppression: Suppression;
  /** The cohort's cell key, for its perturbed size. */
  key: number;
}

/** One measure asked on one cohort; `provider` is null when the cohort is the answerer's own. */
export interface CohortMeasureKey {
  id: string;
  measure: CohortMeasure;
  members: readonly string[];
  provider: string | null;
}

export interface CohortPartnerOptions {
  /** A definer's own records of its cohorts. */
  source?: CohortSource;
  /** A recipient's condition per measure it answers: SQL on `c.pseudonym` on the day `k.on_date`. */
  conditions?: Partial<Record<CohortMeasure, string>>;
}

/** Per request: each cohort decided once, each measure batch counted in one statement. */
export interface CohortRequest {
  decisions: DataLoader<string, ReleaseDecision>;
  measures: DataLoader<CohortMeasureKey, Measure, string>;
}

type Context = RequestContext<unknown>;

const requests = new WeakMap<object, CohortRequest>();

/** The cohort loaders of the request `context` belongs to (made on first use). */
export function cohortRequest(context: Context, info: GraphQLResolveInfo, options: CohortPartnerOptions): CohortRequest {
  let request = requests.get(context);
  if (!request) {
    request = createCohortRequest(context, info, options);
    requests.set(context, request);
  }
  return request;
}

function createCohortRequest(context: Context, info: GraphQLResolveInfo, options: CohortPartnerOptions): CohortRequest {
  const { db } = context;
  const decisions = new DataLoader<string, ReleaseDecision>((ids) =>
    Promise.all(
      ids.map(async (id) => {
        if (!options.source) throw new Error('This partner defines no cohorts.');
        const counted = await countCohort(db, options.source, decodeCohortId(id));
        return { members: counted.members, suppression: cohortReleaseSuppression(counted.counts), key: counted.key };
      }),
    ),
  );
  const measures = new DataLoader<CohortMeasureKey, Measure, string>(
    async (keys) => {
      const measured = Object.keys(options.conditions ?? {}) as CohortMeasure[];
      const ids = [...new Set(keys.map((key) => key.id))];
      const cohorts = ids.map((id) => {
        const key = keys.find((candidate) => candidate.id === id)!;
        return { key, members: key.members, on: decodeCohortId(id).asOf };
      });
      const counted = await countCohortMeasures(
        db,
        measured.map((measure) => options.conditions![measure]!),
        cohorts,
      );
      await auditAnswers(context, info, keys, cohorts, counted);
      return keys.map((key) => {
        const { size, counts } = counted[ids.indexOf(key.id)];
        return shareMeasure(counts[measured.indexOf(key.measure)], size);
      });
    },
    { cacheKeyFn: (key) => `${key.id}|${key.measure}` },
  );
  return { decisions, measures };
}

/** The recipient's audit: one row per cohort from another partner, with the measures answered. */
async function auditAnswers(
  context: Context,
  info: GraphQLResolveInfo,
  keys: readonly CohortMeasureKey[],
  cohorts: { key: CohortMeasureKey }[],
  counted: { size: { count: number } }[],
): Promise<void> {
  const entries: CohortAuditEntry[] = [];
  cohorts.forEach(({ key }, index) => {
    if (key.provider === null) return;
    const spec = decodeCohortId(key.id);
    entries.push({
      action: 'ANSWERED',
      cohort: describeCohort(spec),
      agreement: spec.agreement,
      counterpart: key.provider,
      measures: keys.filter((other) => other.id === key.id).map((other) => other.measure).sort(),
      persons: counted[index].size.count,
    });
  });
  if (entries.length === 0) return;
  if (!context.viewer) throw new Error('A cohort was answered for a caller nobody verified.');
  await writeCohortAudit(context.db, { viewer: context.viewer, requestId: context.requestId, info }, entries);
}
