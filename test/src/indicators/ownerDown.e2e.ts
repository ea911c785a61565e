// One indicator owner down must cost only its own indicators: the other owners' values, series and
// goal fulfilment still come back, the failed owner's are null or UNKNOWN, and the errors name it.
import { INDICATOR_OWNERS, PARTNER_NAMES, partnerSpec, type PartnerName } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { PATIENT_PARTNERS, withEnv } from '../support/env';
import { startHub, type TestHub } from '../support/hub';
import { behaviours, refusingUrl, standInPartner, startTestGateway, type StandIn } from '../gateway/standIns';

interface IndicatorJson {
  id: string;
  owner: { code: string };
  current: { value: number | null } | null;
  fulfilment: { status: string } | null;
  series: { period: string; value: { value: number | null } | null }[];
}

interface Answer {
  indicators: IndicatorJson[];
  allianceGoalFulfilment: { indicators: number; met: number | null; unknown: number | null };
}

const QUERY = `{
  indicators { id owner { code } current { value } fulfilment { status } series(period: YEAR) { period value { value } } }
  allianceGoalFulfilment { indicators met unknown }
}`;

let hub: TestHub;
let everyoneUp: Answer;
const gateways: RunningGateway[] = [];
const standIns: StandIn[] = [];

async function askWith(partner: PartnerName, url: string, traffic = {}): Promise<GraphQLResponse<Answer>> {
  const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
  const gateway = await withEnv(PATIENT_PARTNERS, () => startTestGateway({ subgraphUrls: { ...urls, [partner]: url }, traffic }));
  gateways.push(gateway);
  return postGraphQL<Answer>(gateway.url, QUERY);
}

beforeAll(async () => {
  hub = await withEnv(PATIENT_PARTNERS, () => startHub({ persons: 300 }));
  const response = await postGraphQL<Answer>(hub.gatewayUrl, QUERY);
  expect(response.errors).toBeUndefined();
  everyoneUp = response.data!;
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  for (const standIn of standIns) await standIn.close();
  await hub?.stop();
});

/** What the answer with `down` failing must be: everyone else's as when all are up, the owner's unknown. */
function expectOnlyOwnIndicatorsLost(response: GraphQLResponse<Answer>, down: PartnerName): void {
  const organisation = partnerSpec(down).organisation;
  const own = everyoneUp.indicators.filter((indicator) => indicator.owner.code === organisation);
  const others = everyoneUp.indicators.filter((indicator) => indicator.owner.code !== organisation);
  expect(own.length).toBeGreaterThan(0);
  const byId = new Map(response.data!.indicators.map((indicator) => [indicator.id, indicator]));
  for (const indicator of others) expect(byId.get(indicator.id)).toEqual(indicator);
  for (const indicator of own) {
    const answered = byId.get(indicator.id)!;
    expect(answered.current).toBeNull();
    expect(answered.fulfilment).toEqual({ status: 'UNKNOWN' });
    expect(answered.series.map((observation) => observation.value)).toEqual(indicator.series.map(() => null));
  }
  const known = others.filter((indicator) => indicator.fulfilment?.status !== 'UNKNOWN');
  expect(response.data!.allianceGoalFulfilment).toEqual({
    indicators: everyoneUp.indicators.length,
    met: known.filter((indicator) => indicator.fulfilment?.status === 'MET').length,
    unknown: everyoneUp.indicators.length - known.length,
  });
}

describe('indicators when one owner fails', () => {
  it('have values for every indicator when all owners are up', () => {
    for (const indicator of everyoneUp.indicators) expect(indicator.current).not.toBeNull();
  });

  it.each(INDICATOR_OWNERS)('lose only the indicators of %s when it is down, with errors that name it', async (down) => {
    const response = await askWith(down, await refusingUrl());
    expect(response.status).toBe(200);
    expectOnlyOwnIndicatorsLost(response, down);
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors!) {
      expect(error.extensions).toMatchObject({ code: 'PARTNER_UNAVAILABLE', partner: down });
      // Never a path through internal fields the client cannot ask (an owner's reading, a scope's indicators).
      expect(JSON.stringify(error.path ?? [])).not.toMatch(/Reading|scopeIndicators/);
    }
  });

  it('lose only the slow owner\'s indicators when it does not answer in time', async () => {
    const silent = await standInPartner(behaviours.hang);
    standIns.push(silent);
    // The setting is every partner's: long enough for the real ones on a busy test machine.
    const response = await askWith('volunteer-centre', silent.url, { timeoutMs: 10_000 });
    expectOnlyOwnIndicatorsLost(response, 'volunteer-centre');
    for (const error of response.errors!) {
      expect(error.extensions).toMatchObject({ code: 'PARTNER_TIMEOUT', partner: 'volunteer-centre' });
    }
  });
});
