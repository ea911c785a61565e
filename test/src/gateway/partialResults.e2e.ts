import { PARTNER_NAMES, type PartnerName } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import request from 'supertest';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { analystToken } from '../support/identity';
import { behaviours, eventually, refusingUrl, standInPartner, startTestGateway, type StandIn } from './standIns';

/** Each partner answers at least one field; `owner` says whose field a path is. */
const CROSS_PARTNER = `{
  lineOfAction(code: JOB) {
    name
    clubMembership(area: "osterbyen") { value }
    partTimeJobShare(area: "osterbyen") { value }
    neetShare(area: "osterbyen") { value }
    residentsByAgeBand(estate: "hedelundgardparken") { ageBand }
  }
}`;

const FIELD_OWNER: Record<string, PartnerName> = {
  name: 'foundation',
  clubMembership: 'volunteer-centre',
  partTimeJobShare: 'jobcentre',
  neetShare: 'municipality',
  residentsByAgeBand: 'housing-association',
};

type Line = Record<string, unknown>;

describe('partial answers when a partner fails', () => {
  let hub: TestHub;
  const gateways: RunningGateway[] = [];
  const standIns: StandIn[] = [];

  /** A gateway in front of the real partners, but with `partner` at `url`. */
  async function gatewayWith(partner: PartnerName, url: string, traffic = {}) {
    const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    const gateway = await startTestGateway({ subgraphUrls: { ...urls, [partner]: url }, traffic });
    gateways.push(gateway);
    return gateway;
  }

  async function standIn(behaviour: Parameters<typeof standInPartner>[0]) {
    const created = await standInPartner(behaviour);
    standIns.push(created);
    return created;
  }

  beforeAll(async () => {
    hub = await startHub({ persons: 300 });
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    for (const created of standIns) await created.close();
    await hub?.stop();
  });

  it.each(PARTNER_NAMES.filter((name) => name !== 'foundation'))(
    'keeps every other partner\'s data when %s is down, with one attributed error at the path it would have filled',
    async (down) => {
      const gateway = await gatewayWith(down, await refusingUrl());
      const response = await postGraphQL<{ lineOfAction: Line }>(gateway.url, CROSS_PARTNER);
      expect(response.status).toBe(200);
      const line = response.data!.lineOfAction;
      for (const [field, owner] of Object.entries(FIELD_OWNER)) {
        if (owner === down) expect(line[field]).toBeNull();
        else expect(line[field]).not.toBeNull();
      }
      const field = Object.keys(FIELD_OWNER).find((key) => FIELD_OWNER[key] === down);
      expect(response.errors).toEqual([
        {
          message: `Partner "${down}" is unavailable; its part of the answer is missing.`,
          path: ['lineOfAction', field],
          extensions: { code: 'PARTNER_UNAVAILABLE', partner: down, requestId: expect.any(String) },
        },
      ]);
    },
  );

  it('answers no data when the partner that owns the root field is down, and says which', async () => {
    const gateway = await gatewayWith('foundation', await refusingUrl());
    const response = await postGraphQL(gateway.url, CROSS_PARTNER);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['lineOfAction'], extensions: expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', partner: 'foundation' }) }),
    ]);
  });

  it('nulls only the reference, not its holder, when the owner of a referenced entity is down', async () => {
    const gateway = await gatewayWith('municipality', await refusingUrl());
    const response = await postGraphQL<{ initiatives: { edges: { node: { name: string; area: null } }[] } }>(
      gateway.url,
      '{ initiatives(first: 3) { edges { node { name area { code name } } } } }',
    );
    const nodes = response.data!.initiatives.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node).toEqual({ name: expect.any(String), area: null });
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['initiatives', 'edges', 0, 'node', 'area', 'name'],
        extensions: expect.objectContaining({ code: 'PARTNER_UNAVAILABLE', partner: 'municipality' }),
      }),
    ]);
  });

  it('keeps the line when its clubs (volunteer centre) cannot be had', async () => {
    const gateway = await gatewayWith('volunteer-centre', await refusingUrl());
    const response = await postGraphQL<{ lineOfAction: Line }>(gateway.url, '{ lineOfAction(code: HEALTH) { name clubs(first: 2) { totalCount } } }');
    expect(response.data?.lineOfAction).toEqual({ name: expect.any(String), clubs: null });
  });

  it('answers PARTNER_TIMEOUT for a partner that does not answer in time, and drops its connection', async () => {
    const silent = await standIn(behaviours.hang);
    const gateway = await gatewayWith('volunteer-centre', silent.url, { timeoutMs: 300 });
    const response = await postGraphQL<{ lineOfAction: Line }>(gateway.url, CROSS_PARTNER);
    expect(response.data?.lineOfAction.partTimeJobShare).not.toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Partner "volunteer-centre" did not answer within 300 ms; its part of the answer is missing.',
        path: ['lineOfAction', 'clubMembership'],
        extensions: expect.objectContaining({ code: 'PARTNER_TIMEOUT', partner: 'volunteer-centre' }),
      }),
    ]);
    // Not retried: a timeout already spent the partner's time budget.
    expect(silent.received).toHaveLength(1);
    await eventually(() => silent.abandoned === 1);
  });

  it.each([
    ['an HTTP 500 with a stack trace', behaviours.status(500)],
    ['a body that is not GraphQL', behaviours.malformed],
    ['an internal error with SQL and file paths', behaviours.leaky],
  ])('answers PARTNER_ERROR for %s and lets nothing of it through', async (_what, behaviour) => {
    const broken = await standIn(behaviour);
    const gateway = await gatewayWith('volunteer-centre', broken.url);
    const response = await request(gateway.url)
      .post('')
      .set('authorization', `Bearer ${await analystToken()}`)
      .set('content-type', 'application/json')
      .send({ query: CROSS_PARTNER });
    const body = response.body as GraphQLResponse<{ lineOfAction: Line }>;
    expect(body.data?.lineOfAction.name).toEqual(expect.any(String));
    expect(body.data?.lineOfAction.clubMembership).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'Partner "volunteer-centre" could not answer; its part of the answer is missing.',
        path: ['lineOfAction', 'clubMembership'],
        extensions: { code: 'PARTNER_ERROR', partner: 'volunteer-centre', requestId: response.headers['x-request-id'] },
      },
    ]);
    expect(response.text).not.toMatch(/stack|SELECT|club_membership|\/srv\/|\.[jt]s:\d+|ECONNREFUSED/);
    // The partner got the same request id the client can quote.
    expect(broken.received[0].headers['x-request-id']).toBe(response.headers['x-request-id']);
  });

  it('answers the flagship query in full when every partner is up', async () => {
    const urls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    const gateway = await startTestGateway({ subgraphUrls: urls });
    gateways.push(gateway);
    const response = await postGraphQL(gateway.url, exampleQuery('job-line-of-action'));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ lineOfAction: expect.objectContaining({ clubMembership: expect.any(Object) }) });
  });
});
