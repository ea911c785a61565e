// A cohort whose defining partner is down: the recipients' measures on it are null, and the only
// errors name the definer. Its members never arrived, so no recipient may answer (or refuse) as if
// it had been told something about them.
import { PARTNER_NAMES } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import { refusingUrl, startTestGateway } from '../gateway/standIns';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';

const COHORT = `query Cohort { cohort(
  definition: { kind: ESTATE_RESIDENTS, area: "hedelundgardparken", ageBand: AGE_15_24 }, agreement: "medvind-neet-follow-up"
) { size { value } inEducation { value } inWork { value } onBenefits { value } } }`;

let hub: TestHub;
let gateway: RunningGateway;

beforeAll(async () => {
  hub = await startHub({ persons: 300 });
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  gateway = await startTestGateway({ subgraphUrls: { ...urls, 'housing-association': await refusingUrl() } });
});
afterAll(async () => {
  await gateway?.stop();
  await hub?.stop();
});

it('nulls the measures on a cohort whose definer is down, with errors that name only the definer', async () => {
  const response = await postGraphQL<{ cohort: Record<string, unknown> }>(gateway.url, COHORT);
  expect(response.data?.cohort).toEqual({ size: null, inEducation: null, inWork: null, onBenefits: null });
  expect(response.errors?.length).toBeGreaterThan(0);
  for (const error of response.errors!) expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', partner: 'housing-association' });
});
