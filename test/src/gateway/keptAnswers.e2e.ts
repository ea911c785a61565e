// Shareable answers kept across callers with the same rights, each with the version of the
// partner's data it was computed from, and given again only after the partner confirmed that
// version by a probe: never stale. A real hub, real processes' HTTP; the municipality is reached
// through a proxy that counts what reaches it (GraphQL fetches and version probes apart).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role, importCsv, partnerSpec } from '@hub/core';
import type { RunningGateway } from '@hub/gateway';
import { jobcentreMappings } from '@hub/subgraph-jobcentre';
import { newDataVersion, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { callerToken } from '../support/identity';
import { goodRows, writeExtract } from '../import/extracts';
import { gatewaySeries, proxiedHub, type PartnerProxy, type ProxiedHub } from './partnerProxy';
import { startTestGateway } from './standIns';

const MUNICIPALITY = partnerSpec('municipality').organisation;
const FOUNDATION = 'lauritzen-foundation';
const POPULATION = '{ lineOfAction(code: JOB) { population(area: "esbjerg", ageBand: AGE_15_24) { value perturbed } } }';
const PART_TIME = '{ lineOfAction(code: JOB) { partTimeJobShare(area: "osterbyen", ageBand: AGE_18_29) { value } } }';
const PERSON = 'query Look($p: ID!) { person(pseudonym: $p) { birthYear } }';

/** hub_gateway_kept_answers_total for a partner and outcome. */
const kept = (gateway: RunningGateway, partner: string, outcome: string) =>
  gatewaySeries(gateway, 'hub_gateway_kept_answers_total', { partner, outcome });

/** hub_gateway_kept_operations_total for an outcome: whole answers. */
const keptWhole = (gateway: RunningGateway, outcome: string) => gatewaySeries(gateway, 'hub_gateway_kept_operations_total', { outcome });

const viewer = (i: number, partner = FOUNDATION, roles = [Role.DASHBOARD]) =>
  callerToken({ partner, roles, subject: `viewer-${i}@${partner}` });

describe('kept answers', () => {
  let proxied: ProxiedHub;
  let hub: TestHub;
  let proxy: PartnerProxy;
  let gateway: RunningGateway;

  beforeAll(async () => {
    proxied = await proxiedHub({ store: 'memory', maxBytes: 1 << 20 });
    ({ hub, proxy, gateway } = proxied);
  });

  afterAll(() => proxied?.stop());

  /** What reached the municipality while `run` ran. */
  async function reaching<T>(run: () => Promise<T>): Promise<{ result: T; fetches: number; probes: number }> {
    const before = { fetches: proxy.fetches, probes: proxy.probes };
    const result = await run();
    return { result, fetches: proxy.fetches - before.fetches, probes: proxy.probes - before.probes };
  }

  it('answers the next viewer with the same rights from the kept whole answer, after one version probe per partner', async () => {
    const first = await reaching(async () => postGraphQL(gateway.url, POPULATION, undefined, await viewer(1)));
    expect(first.result.errors).toBeUndefined();
    expect(first.fetches).toBe(1);
    const hits = await keptWhole(gateway, 'hit');
    const second = await reaching(async () => postGraphQL(gateway.url, POPULATION, undefined, await viewer(2)));
    expect(second.result).toEqual(first.result);
    expect({ fetches: second.fetches, probes: second.probes }).toEqual({ fetches: 0, probes: 1 });
    expect((await keptWhole(gateway, 'hit')) - hits).toBe(1);
  });

  it('after a write to one partner, asks only that one again: the others\' kept parts are reused', async () => {
    const query = '{ lineOfAction(code: JOB) { name population(area: "osterbyen", ageBand: AGE_15_24) { value } } }';
    await postGraphQL(gateway.url, query, undefined, await viewer(13));
    await newDataVersion(hub.subgraphs.foundation.database.dataSource);
    const [changed, municipalityHits] = [await keptWhole(gateway, 'changed'), await kept(gateway, 'municipality', 'hit')];
    const again = await reaching(async () => postGraphQL(gateway.url, query, undefined, await viewer(14)));
    expect(again.result.errors).toBeUndefined();
    expect(again.fetches).toBe(0);
    expect((await keptWhole(gateway, 'changed')) - changed).toBe(1);
    expect((await kept(gateway, 'municipality', 'hit')) - municipalityHits).toBe(1);
  });

  it('asks the partner again once its data changed: the next answer is the new one', async () => {
    const db = hub.subgraphs.municipality.database.dataSource;
    const before = await postGraphQL(gateway.url, POPULATION, undefined, await viewer(3));
    // A real write to the records the figure counts: 40 of the 15-24-year-olds are corrected to 30 years older.
    await db.query(
      `UPDATE person SET birth_year = birth_year - 30 WHERE pseudonym IN (
         SELECT pseudonym FROM person WHERE birth_year >= extract(year FROM current_date) - 24 ORDER BY pseudonym LIMIT 40)`,
    );
    const changed = await kept(gateway, 'municipality', 'changed');
    const after = await reaching(async () => postGraphQL(gateway.url, POPULATION, undefined, await viewer(4)));
    expect(after.fetches).toBe(1);
    expect((await kept(gateway, 'municipality', 'changed')) - changed).toBe(1);
    expect(after.result.data).not.toEqual(before.data);
  });

  it('gives the figure of an import to the next caller (the jobcentre, its real import)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-kept-'));
    try {
      const token = await viewer(5);
      const before = await postGraphQL(gateway.url, PART_TIME, undefined, token);
      expect(await postGraphQL(gateway.url, PART_TIME, undefined, token)).toEqual(before);
      const file = writeExtract(dir, 'employment.csv', goodRows(0, 300));
      const imported = await importCsv({
        mapping: jobcentreMappings[0],
        file,
        dataSource: hub.subgraphs.jobcentre.database.dataSource,
        linkageKey: 'the-alliance-linkage-key-for-the-kept-answers-test',
      });
      expect(imported.rowsLoaded).toBe(300);
      const after = await postGraphQL(gateway.url, PART_TIME, undefined, token);
      expect(after.errors).toBeUndefined();
      expect(after.data).not.toEqual(before.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never gives a kept answer to callers with other rights: another role, organisation or purpose', async () => {
    await postGraphQL(gateway.url, POPULATION, undefined, await viewer(6));
    const others = [
      await viewer(7, FOUNDATION, [Role.ANALYST]),
      await viewer(8, MUNICIPALITY),
      await callerToken({ partner: FOUNDATION, roles: [Role.DASHBOARD], purpose: 'another purpose', subject: 'viewer-9' }),
    ];
    for (const token of others) {
      const asked = await reaching(() => postGraphQL(gateway.url, POPULATION, undefined, token));
      expect(asked.result.errors).toBeUndefined();
      expect(asked.fetches).toBe(1);
    }
  });

  it('never keeps a person-level read: each look reaches the partner and its audit trail', async () => {
    const db = hub.subgraphs.municipality.database.dataSource;
    const [{ pseudonym }] = await db.query('SELECT pseudonym FROM person ORDER BY pseudonym DESC LIMIT 1');
    const purpose = 'follow-up of the part-time job programme';
    const staff = (i: number) => callerToken({ partner: MUNICIPALITY, roles: [Role.PARTNER_STAFF], purpose, subject: `staff-${i}` });
    for (const i of [1, 2, 3]) {
      const asked = await reaching(async () => postGraphQL(gateway.url, PERSON, { p: pseudonym }, await staff(i)));
      expect(asked.result.errors).toBeUndefined();
      expect(asked.fetches).toBe(1);
    }
    const records: { subject: string }[] = await db.query(
      `SELECT r.subject FROM audit_record r JOIN audit_person p ON p.audit_id = r.id
       WHERE p.pseudonym = $1 AND r.subject LIKE 'staff-%' ORDER BY r.subject`,
      [pseudonym],
    );
    expect(records.map((record) => record.subject)).toEqual(['staff-1', 'staff-2', 'staff-3']);
  });

  it('keeps nothing from an answer with an error', async () => {
    const BAD_DATE = '{ lineOfAction(code: JOB) { population(area: "esbjerg", on: "2017-02-27") { value } } }';
    const token = await viewer(10);
    for (let i = 0; i < 2; i += 1) {
      const asked = await reaching(() => postGraphQL(gateway.url, BAD_DATE, undefined, token));
      expect(asked.result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(asked.fetches).toBe(1);
    }
  });

  it('shares kept answers between gateways through Redis (HUB_REDIS_URL): the second gateway asks no partner', async () => {
    const urls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
    const redis = { store: 'redis' as const, url: process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const gateways = [
      await startTestGateway({ subgraphUrls: { ...urls, municipality: proxy.url }, answerCache: redis }),
      await startTestGateway({ subgraphUrls: { ...urls, municipality: proxy.url }, answerCache: redis }),
    ];
    try {
      const query = '{ lineOfAction(code: LEARNING) { population(area: "esbjerg", ageBand: AGE_15_17) { value } } }';
      const first = await reaching(async () => postGraphQL(gateways[0].url, query, undefined, await viewer(11)));
      expect(first.result.errors).toBeUndefined();
      expect(first.fetches).toBe(1);
      const second = await reaching(async () => postGraphQL(gateways[1].url, query, undefined, await viewer(12)));
      expect(second.result).toEqual(first.result);
      expect({ fetches: second.fetches, probes: second.probes }).toEqual({ fetches: 0, probes: 1 });
      expect(await keptWhole(gateways[1], 'hit')).toBe(1);
    } finally {
      for (const running of gateways) await running.stop();
    }
  });
});
