// Issue 6's cross-partner cohorts: what moving a cohort's members between partners inside the
// query plan costs. The same cohort asked twice through the hub's gateway (one worker): its size
// alone (no member crosses), and with measures other partners answer on its members (the members
// travel from the defining partner through the gateway to each measuring partner); then the
// latter under the benchmark's concurrent connections, for the gateway worker's peak memory.
// Skipped while schema/supergraph.graphql has no `cohort` field.
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@hub/schema';
import { startHub, type Contender, type ContenderSetup } from './contenders';
import { measure } from './load';
import type { BenchOptions } from './options';
import { postQuery } from './postQuery';
import { mb, ms, table } from './report';
import { sequentialCost } from './sequential';

const SAMPLES = 10;
/** The widest cohort each kind of provider defines, at the seed's scale. */
const DEFINITIONS: Record<string, string> = {
  'esbjerg-municipality': '{ kind: DISTRICT_RESIDENTS, area: "esbjerg", ageBand: AGE_0_24 }',
  ungdomsbo: '{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_0_24 }',
  'jobcentre-esbjerg': '{ kind: PROGRAMME_PARTICIPANTS, programme: "part-time-job-programme", ageBand: AGE_0_24 }',
};

const hasCohorts = () => /^\s*cohort\s*\(/m.test(readFileSync(SUPERGRAPH_PATH, 'utf8'));

const EVERY_MEASURE = 'size { value } inWork { value } onBenefits { value } partTimeJob { value } inEducation { value } clubMember { value }';

/** Every connection asking the cohort with every measure at once, as a dashboard fleet might. */
async function underLoad(hub: Contender, setup: ContenderSetup, options: BenchOptions, query: string): Promise<string> {
  const body = JSON.stringify({ query });
  const expectBody = await postQuery(hub.url, hub.headers, query);
  const load = { ...options, distinctHeader: true, settle: () => setup.subgraphs.settle() };
  const r = await measure({ url: hub.url, headers: hub.headers, body, expectBody, pid: hub.process.child.pid ?? 0 }, load);
  const header = ['connections', 'req/s', 'mean ms', 'p95 ms', 'peak RSS of the gateway worker', 'failed or busy'];
  const rows = [[String(options.connections), r.requestsPerSecond.toFixed(1), ms(r.mean), ms(r.p95), mb(r.peakRss.largest), String(r.failed)]];
  return `The same query (size + every measure) under load, one gateway worker:\n\n${table(header, rows)}`;
}

export async function cohortSection(setup: ContenderSetup, options: BenchOptions): Promise<string> {
  if (!hasCohorts()) return 'Skipped: schema/supergraph.graphql has no `cohort` field yet (issue 6).';
  const hub = await startHub({ ...setup, workers: 1 });
  try {
    const register = await postQuery(hub.url, hub.headers, '{ dataSharingAgreements { code provider } }');
    const agreements = (JSON.parse(register) as { data: { dataSharingAgreements: { code: string; provider: string }[] } })
      .data.dataSharingAgreements;
    const agreement = agreements.find((a) => a.provider === 'esbjerg-municipality') ?? agreements.find((a) => DEFINITIONS[a.provider]);
    if (!agreement) return `Skipped: no data-sharing agreement of a provider the benchmark knows (${register}).`;
    const cohort = `cohort(agreement: "${agreement.code}", definition: ${DEFINITIONS[agreement.provider]})`;
    const rows: string[][] = [];
    for (const [asked, fields] of [
      ['size only (no member crosses)', 'size { value }'],
      ['size + every measure on its members', EVERY_MEASURE],
    ]) {
      // A write before each: computed anew every time, never an answer the gateway kept.
      const cost = await sequentialCost(hub, setup.subgraphs, `{ ${cohort} { ${fields} } }`, SAMPLES, () => setup.subgraphs.write());
      const size = cost.answer ? /"size":\{"value":(\d+)/.exec(cost.answer)?.[1] : undefined;
      rows.push([asked, size ?? '–', ms(cost.mean), ms(cost.p95), cost.kbPerRequest.toFixed(1), cost.sqlPerRequest.toFixed(1), cost.failed]);
    }
    const header = ['asked', 'persons in cohort', 'mean ms', 'p95 ms', 'KB gateway↔subgraphs / request', 'SQL statements / request', 'failed'];
    const sequential = `\`${cohort}\` (agreement of ${agreement.provider}), ${setup.subgraphs.persons.toLocaleString('en-US')} persons seeded, one request at a time:\n\n${table(header, rows)}`;
    return `${sequential}\n\n${await underLoad(hub, setup, options, `{ ${cohort} { ${EVERY_MEASURE} } }`)}`;
  } finally {
    await hub.process.stop();
  }
}
