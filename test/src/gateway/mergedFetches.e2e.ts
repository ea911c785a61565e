// Identical fetches in flight at once, from callers with the same rights, are made once when the
// partner marks its answer shareable (aggregates only); person-level reads and audit logs go to
// the partner once per caller, so that each look is in the partner's audit trail. A real hub; the
// municipality is reached through a forwarding proxy that holds its calls until every caller's
// request has reached the gateway's merge point, so the test does not depend on timing.
import { Role, partnerSpec } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import { newDataVersion, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { callerToken } from '../support/identity';
import { gatewaySeries, proxiedHub, type PartnerProxy, type ProxiedHub } from './partnerProxy';

const MUNICIPALITY = partnerSpec('municipality').organisation;
const POPULATION = '{ lineOfAction(code: JOB) { population(area: "esbjerg", ageBand: AGE_15_24) { value perturbed } } }';
const PERSON = 'query Look($p: ID!) { person(pseudonym: $p) { birthYear } }';
const AUDIT_LOG = '{ municipalityAuditLog(first: 5) { totalCount } }';

/** A series of the gateway's /metrics for the municipality. */
const municipalitySeries = (gateway: RunningGateway, name: string) => gatewaySeries(gateway, name, { partner: 'municipality' });

const merged = (gateway: RunningGateway) => municipalitySeries(gateway, 'hub_gateway_partner_fetches_merged_total');
const waiting = (gateway: RunningGateway) => municipalitySeries(gateway, 'hub_gateway_partner_fetches_waiting');

const tokens = (count: number, request: { partner: string; roles: Role[]; purpose?: string }) =>
  Promise.all(Array.from({ length: count }, (_, i) => callerToken({ ...request, subject: `caller-${i}@${request.partner}` })));

describe('identical fetches in flight', () => {
  let proxied: ProxiedHub;
  let hub: TestHub;
  let proxy: PartnerProxy;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // Nothing kept between requests (keptAnswers.e2e.ts tests that): each request's fetch is in flight.
    proxied = await proxiedHub({ store: 'none' });
    ({ hub, proxy, gateway } = proxied);
  });

  afterAll(() => proxied?.stop());

  /**
   * Sends every request at once while the municipality's calls are held, and releases them once
   * `arrived` calls reached the proxy and `waitingCount` fetches wait at the gateway.
   */
  async function together<T>(requests: (() => Promise<T>)[], arrived: number, waitingCount: number) {
    const before = proxy.fetches;
    proxy.hold();
    const answers = Promise.all(requests.map((send) => send()));
    let ready = false;
    for (let i = 0; i < 1500 && !ready; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ready = proxy.fetches - before >= arrived && (await waiting(gateway)) === waitingCount;
    }
    proxy.release();
    expect(ready).toBe(true);
    return { answers: await answers, forwarded: proxy.fetches - before };
  }

  it('makes one call for N callers of one organisation and role asking the same aggregate, and counts the merge', async () => {
    const callers = await tokens(6, { partner: 'lauritzen-foundation', roles: [Role.ANALYST] });
    await newDataVersion(hub.subgraphs.municipality.database.dataSource);
    const mergedBefore = await merged(gateway);
    const { answers, forwarded } = await together(
      callers.map((token) => () => postGraphQL(gateway.url, POPULATION, undefined, token)),
      1,
      5,
    );
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect(forwarded).toBe(1);
    expect((await merged(gateway)) - mergedBefore).toBe(5);
  });

  it('never merges callers with different rights: another role, another organisation, another purpose', async () => {
    const callers = [
      await callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST] }),
      await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] }),
      await callerToken({ partner: MUNICIPALITY, roles: [Role.ANALYST] }),
      await callerToken({ partner: MUNICIPALITY, roles: [Role.ANALYST], purpose: 'another purpose' }),
    ];
    const { answers, forwarded } = await together(
      callers.map((token) => () => postGraphQL(gateway.url, POPULATION, undefined, token)),
      4,
      0,
    );
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(forwarded).toBe(4);
  });

  it('sends each caller\'s person-level read to the partner, so each look is in its audit trail', async () => {
    const db = hub.subgraphs.municipality.database.dataSource;
    const [{ pseudonym }] = await db.query('SELECT pseudonym FROM person ORDER BY pseudonym LIMIT 1');
    const purpose = 'follow-up of the part-time job programme';
    const callers = await tokens(4, { partner: MUNICIPALITY, roles: [Role.PARTNER_STAFF], purpose });
    const mergedBefore = await merged(gateway);
    const { answers, forwarded } = await together(
      callers.map((token) => () => postGraphQL(gateway.url, PERSON, { p: pseudonym }, token)),
      1,
      3,
    );
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(forwarded).toBe(4);
    expect(await merged(gateway)).toBe(mergedBefore);
    const records: { subject: string }[] = await db.query(
      `SELECT r.subject FROM audit_record r JOIN audit_person p ON p.audit_id = r.id
       WHERE p.pseudonym = $1 AND r.subject LIKE 'caller-%' ORDER BY r.subject`,
      [pseudonym],
    );
    expect(records.map((record) => record.subject)).toEqual(callers.map((_, i) => `caller-${i}@${MUNICIPALITY}`));
    // Once known as person-level, the same read goes straight to the partner: nobody waits.
    const again = await together(callers.map((token) => () => postGraphQL(gateway.url, PERSON, { p: pseudonym }, token)), 4, 0);
    expect(again.forwarded).toBe(4);
  });

  it('never shares an audit log between admins', async () => {
    const callers = await tokens(3, { partner: MUNICIPALITY, roles: [Role.ADMIN] });
    const { answers, forwarded } = await together(
      callers.map((token) => () => postGraphQL(gateway.url, AUDIT_LOG, undefined, token)),
      1,
      2,
    );
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    expect(forwarded).toBe(3);
  });
});
