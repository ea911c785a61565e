// Issue 6's cross-partner cohorts: what moving a cohort's members between partners inside the
// query plan costs. The same cohort asked twice through the hub's gateway (one worker): its size
// alone (no member crosses), and with measures other partners answer on its members (the members
// travel from the defining partner through the gateway to each measuring partner). Skipped while
// schema/supergraph.graphql has no `cohort` field.
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@hub/schema';
import { startHub, type ContenderSetup } from './contenders';
import { postQuery } from './postQuery';
import { ms, table } from './report';
import { sequentialCost } from './sequential';

const SAMPLES = 10;
/** The widest cohort each kind of provider defines, at the seed's scale. */
const DEFINITIONS: Record<string, string> = {
  'esbjerg-municipality': '{ kind: DISTRICT_RESIDENTS, area: "esbjerg", ageBand: AGE_0_24 }',
  ungdomsbo: '{ kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_0_24 }',
  'jobcentre-esbjerg': '{ kind: PROGRAMME_PARTICIPANTS, programme: "part-time-job-programme", ageBand: AGE_0_24 }',
};

const hasCohorts = () => /^\s*cohort\s*\(/m.test(readFileSync(SUPERGRAPH_PATH, 'utf8'));

export async function cohortSection(setup: ContenderSetup): Promise<string> {
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
      ['size + every measure on its members', 'size { value } inWork { value } onBenefits { value } partTimeJob { value } inEducation { value } clubMember { value }'],
    ]) {
      const cost = await sequentialCost(hub, setup.subgraphs, `{ ${cohort} { ${fields} } }`, SAMPLES);
      const size = cost.answer ? /"size":\{"value":(\d+)/.exec(cost.answer)?.[1] : undefined;
      rows.push([asked, size ?? '–', ms(cost.mean), ms(cost.p95), cost.kbPerRequest.toFixed(1), cost.sqlPerRequest.toFixed(1), cost.failed]);
    }
    const header = ['asked', 'persons in cohort', 'mean ms', 'p95 ms', 'KB gateway↔subgraphs / request', 'SQL statements / request', 'failed'];
    return `\`${cohort}\` (agreement of ${agreement.provider}), ${setup.subgraphs.persons.toLocaleString('en-US')} persons seeded, one request at a time:\n\n${table(header, rows)}`;
  } finally {
    await hub.process.stop();
  }
}
