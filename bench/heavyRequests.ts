// Requests heavy for the partners, through the hub's gateway at its default partner timeout (3 s):
// every indicator of the registry with its monthly series since the baseline, and fifteen cohorts
// in one request, each with every measure on its members. Each is asked right after a write to
// every partner's data (nothing kept, everything computed anew), then once more; the table says
// how long each took, which errors it got and whether any partner's circuit opened.
import { startHub, type Contender, type ContenderSetup } from './contenders';
import { postBody } from './postQuery';
import { ms, table } from './report';

const EVERY_INDICATOR = `{ indicators {
  id name current { value } comparisonCurrent { value } fulfilment { progress met status }
  series(period: MONTH) { on value { value } comparison { value } }
} }`;

/** Fifteen cohorts: the municipality and four districts, each on 1 January of three years. */
const COHORTS = ['esbjerg', 'osterbyen', 'hedelund', 'kvaglund', 'saedding'].flatMap((area) =>
  ['2024-01-01', '2025-01-01', '2026-01-01'].map((asOf) => ({ area, asOf })),
);

const FIFTEEN_COHORTS = (agreement: string) =>
  `{ ${COHORTS.map(
    ({ area, asOf }, i) =>
      `c${i}: cohort(agreement: "${agreement}", definition: { kind: DISTRICT_RESIDENTS, area: "${area}", ageBand: AGE_0_24, asOf: "${asOf}" }) { size { value } inWork { value } onBenefits { value } partTimeJob { value } inEducation { value } clubMember { value } }`,
  ).join('\n')} }`;

/** The hub's circuits that are not closed, from its /metrics. */
async function openCircuits(hub: Contender): Promise<string[]> {
  const text = await (await fetch(new URL('/metrics', hub.url))).text();
  return [...text.matchAll(/^hub_gateway_partner_circuit_state\{partner="([^"]+)"\} (\d+)/gm)].filter((m) => m[2] !== '0').map((m) => m[1]);
}

async function timed(hub: Contender, query: string): Promise<{ ms: number; errors: string }> {
  const started = performance.now();
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...hub.headers },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json().catch(() => ({ errors: [{ extensions: { code: `HTTP ${response.status}` } }] }))) as {
    errors?: { extensions?: { code?: string } }[];
  };
  const codes = [...new Set((answer.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN'))];
  return { ms: performance.now() - started, errors: codes.length ? codes.join(', ') : 'none' };
}

async function municipalAgreement(hub: Contender): Promise<string | undefined> {
  const body = await postBody(hub.url, hub.headers, JSON.stringify({ query: '{ dataSharingAgreements { code provider } }' }));
  const { data } = JSON.parse(body) as { data?: { dataSharingAgreements: { code: string; provider: string }[] } };
  return data?.dataSharingAgreements.find((a) => a.provider === 'esbjerg-municipality')?.code;
}

export async function heavyRequestsSection(setup: ContenderSetup): Promise<string> {
  const hub = await startHub(setup, [], { patient: false });
  try {
    const agreement = await municipalAgreement(hub);
    const requests: [string, string][] = [['every indicator, monthly series since the baseline', EVERY_INDICATOR]];
    if (agreement) requests.push([`15 cohorts in one request, every measure (agreement ${agreement})`, FIFTEEN_COHORTS(agreement)]);
    const rows: string[][] = [];
    for (const [asked, query] of requests) {
      await setup.subgraphs.settle();
      await setup.subgraphs.write();
      const cold = await timed(hub, query);
      const again = await timed(hub, query);
      rows.push([asked, ms(cold.ms), cold.errors, ms(again.ms), again.errors, (await openCircuits(hub)).join(', ') || 'none']);
    }
    const heading = `${setup.subgraphs.persons.toLocaleString('en-US')} persons, partner timeout 3 s, an analyst's token`;
    return `${heading}\n\n${table(['asked', 'after a write: ms', 'errors', 'again: ms', 'errors', 'circuits open after'], rows)}`;
  } finally {
    await hub.process.stop();
  }
}
