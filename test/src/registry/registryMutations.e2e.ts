// The secretariat edits the alliance's registry through the graph: only its analysts may, every
// input is checked before anything is written, an update based on an old version is refused, each
// change leaves an audit row, and the next query through the gateway shows the change.
import { Role, partnerSpec } from '@hub/core';
import { CLIENT_OPERATIONS_DIR, registeredOperation } from '@hub/gateway';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { callerToken, staffToken } from '../support/identity';

const INDICATOR = 'part-time-jobs-osterbyen';
const FOUNDATION = partnerSpec('foundation').organisation;

/** The secretariat's registered operations, exactly as a client under HUB_SAFELIST=enforce sends them. */
const registered = (name: string) => registeredOperation(path.join(CLIENT_OPERATIONS_DIR, `${name}.graphql`)).body;
const UPDATE_INDICATOR = registered('UpdateIndicator');
const UPDATE_INITIATIVE = registered('UpdateInitiative');
const CREATE_INDICATOR = registered('CreateIndicator');
const READ_INDICATOR = `query { indicator(id: "${INDICATOR}") { version target { date value } } }`;

// Calls name no token unless they test rights: the hub's default is an analyst of the foundation, the secretariat.
let hub: TestHub;
let db: DataSource;

beforeAll(async () => {
  hub = await startHub({ persons: 200 });
  db = hub.subgraphs.foundation.database.dataSource;
});
afterAll(() => hub?.stop());

const changes = async () => Number((await db.query('SELECT count(*) AS n FROM registry_change'))[0].n);
const indicatorVersion = async () => (await db.query('SELECT version FROM indicator WHERE id = $1', [INDICATOR]))[0].version as number;
const updateIndicator = async (input: Record<string, unknown>, version: number, token?: string) =>
  postGraphQL<{ updateIndicator: { version: number } }>(hub.gatewayUrl, UPDATE_INDICATOR, { id: INDICATOR, version, input }, token);

/** Runs `act` and asserts that the registry is as it was: no change logged, the row's version kept. */
async function expectNothingWritten(act: () => Promise<void>): Promise<void> {
  const [logged, version] = [await changes(), await indicatorVersion()];
  await act();
  expect([await changes(), await indicatorVersion()]).toEqual([logged, version]);
}

describe('rights: only analysts of the backbone organisation change the registry', () => {
  it('hides the mutations from dashboards: their graph has neither the mutations nor their input types', async () => {
    const token = await callerToken({ partner: FOUNDATION, roles: [Role.DASHBOARD] });
    await expectNothingWritten(async () => {
      const response = await updateIndicator({ targetValue: 0.2 }, 1, token);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
    const bare = await postGraphQL(hub.gatewayUrl, 'mutation { __typename }', undefined, token);
    expect([bare.status, bare.errors?.[0].extensions?.code]).toEqual([400, 'OPERATION_NOT_SUPPORTED']);
  });

  it.each([
    ['a partner\'s staff', () => staffToken('jobcentre')],
    ['an analyst of another organisation', () => callerToken({ partner: partnerSpec('jobcentre').organisation, roles: [Role.ANALYST] })],
  ])('refuses %s with FORBIDDEN naming the field and the role missing', async (_who, token) => {
    const caller = await token();
    await expectNothingWritten(async () => {
      const response = await updateIndicator({ targetValue: 0.2 }, 1, caller);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        field: 'Mutation.updateIndicator',
        missing: `the role analyst of ${FOUNDATION}`,
      });
    });
  });
});

describe('validation: a bad input is refused naming its field, and nothing is written', () => {
  it.each([
    [{ targetOn: '2010-01-01' }, 'BAD_USER_INPUT', 'input.targetOn'],
    [{ baselineOn: '2026-02-30' }, 'BAD_USER_INPUT', 'input.baselineOn'],
    [{ targetOn: '31/12/2030' }, 'BAD_USER_INPUT', 'input.targetOn'],
    [{ targetValue: 1.5 }, 'BAD_USER_INPUT', 'input.targetValue'],
    [{ targetValue: 0.01 }, 'BAD_USER_INPUT', 'input.targetValue'],
    [{ name: 'two\u0007words' }, 'BAD_USER_INPUT', 'input.name'],
    [{ name: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'input.name'],
    [{ areaCode: 'atlantis' }, 'NOT_FOUND', 'input.areaCode'],
    [{ comparisonAreaCode: 'atlantis' }, 'NOT_FOUND', 'input.comparisonAreaCode'],
    [{ ownerCode: 'no-such-partner' }, 'NOT_FOUND', 'input.ownerCode'],
  ])('refuses %j with %s on %s', async (input, code, argument) => {
    await expectNothingWritten(async () => {
      const response = await updateIndicator(input, await indicatorVersion());
      expect(response.errors?.[0].extensions).toMatchObject({ code, argument, partner: 'foundation' });
    });
  });
});

describe('a change', () => {
  it('is refused with CONFLICT when based on a version another change already replaced', async () => {
    const based = await indicatorVersion();
    const first = await updateIndicator({ targetValue: 0.14 }, based);
    expect(first.data?.updateIndicator.version).toBe(based + 1);
    await expectNothingWritten(async () => {
      const second = await updateIndicator({ targetValue: 0.15 }, based);
      expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', version: based + 1 });
    });
  });

  it('is logged with who made it, before and after, in an append-only table', async () => {
    const version = await indicatorVersion();
    await updateIndicator({ targetValue: 0.16 }, version);
    const [row] = await db.query('SELECT * FROM registry_change ORDER BY id DESC LIMIT 1');
    expect(row).toMatchObject({ organisation: FOUNDATION, table_name: 'indicator', row_key: INDICATOR });
    expect(row.subject).toEqual(expect.any(String));
    expect([row.before.targetValue, row.before.version]).toEqual([expect.any(Number), version]);
    expect([row.after.targetValue, row.after.version]).toEqual([0.16, version + 1]);
    await expect(db.query('DELETE FROM registry_change')).rejects.toThrow(/append-only/);
  });

  it('shows in the next query through the gateway, though its earlier answer was kept', async () => {
    const before = await postGraphQL<{ indicator: { version: number } }>(hub.gatewayUrl, READ_INDICATOR);
    const version = before.data!.indicator.version;
    await updateIndicator({ targetOn: '2031-06-30', targetValue: 0.2 }, version);
    const after = await postGraphQL(hub.gatewayUrl, READ_INDICATOR);
    expect(after.data).toEqual({ indicator: { version: version + 1, target: { date: '2031-06-30', value: 0.2 } } });
  });

  it('to an initiative is checked, versioned and shown the same way', async () => {
    const [{ code, version }] = await db.query('SELECT code, version FROM initiative ORDER BY code LIMIT 1');
    const read = `query { initiative(code: "${code}") { name version } }`;
    await postGraphQL(hub.gatewayUrl, read);
    const refused = await postGraphQL(hub.gatewayUrl, UPDATE_INITIATIVE, { code, version, input: { endedOn: '1999-01-01' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.endedOn' });
    const done = await postGraphQL(hub.gatewayUrl, UPDATE_INITIATIVE, { code, version, input: { name: 'Renamed by the secretariat' } });
    expect(done.data?.updateInitiative).toMatchObject({ code, version: version + 1, name: 'Renamed by the secretariat' });
    expect((await postGraphQL(hub.gatewayUrl, read)).data).toEqual({ initiative: { name: 'Renamed by the secretariat', version: version + 1 } });
  });

  it('adds an indicator at version 1, refuses its id a second time with CONFLICT, and checks the id', async () => {
    const input = {
      id: 'part-time-jobs-esbjerg', name: 'Part-time jobs among 15-17-year-olds in Esbjerg', ownerCode: 'jobcentre-esbjerg',
      measure: 'partTimeJobShare', lineOfActionCode: 'JOB', areaCode: 'esbjerg', comparisonAreaCode: null, ageBand: 'AGE_15_17',
      direction: 'UP', baselineOn: '2017-06-30', baselineValue: 0.05, targetOn: '2029-12-31', targetValue: 0.1,
    };
    const badId = await postGraphQL(hub.gatewayUrl, CREATE_INDICATOR, { input: { ...input, id: 'Not a slug' } });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
    const created = await postGraphQL(hub.gatewayUrl, CREATE_INDICATOR, { input });
    expect(created.data?.createIndicator).toMatchObject({ id: input.id, version: 1, target: { date: '2029-12-31', value: 0.1 } });
    const again = await postGraphQL(hub.gatewayUrl, CREATE_INDICATOR, { input });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', version: 1 });
    const [row] = await db.query('SELECT before, after FROM registry_change WHERE row_key = $1', [input.id]);
    expect(row).toMatchObject({ before: null, after: { id: input.id, version: 1 } });
    const read = await postGraphQL(hub.gatewayUrl, `query { indicator(id: "${input.id}") { name version } }`);
    expect(read.data).toEqual({ indicator: { name: input.name, version: 1 } });
  });
});
