import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { PARTNER_NAMES, Role } from '@hub/core';
import { DASHBOARD_OPERATIONS_DIR, MANIFEST_PATH, registeredOperation, sha256, type RunningGateway } from '@hub/gateway';
import { startHub, type TestHub } from '../support/hub';
import { callerToken } from '../support/identity';
import { startTestGateway } from './standIns';

/** What Apollo Client sent: one entry per HTTP request. */
interface Sent {
  body: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
}

/** Apollo Client over real HTTP to `url` with a dashboard's token, counting its requests. */
function dashboardClient(url: string, token: string, persisted: Parameters<typeof createPersistedQueryLink>[0]) {
  const sent: Sent[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    sent.push({ body: JSON.parse(String(init?.body)) });
    return fetch(input, init);
  };
  const http = new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` }, fetch: recordingFetch });
  const client = new ApolloClient({ link: createPersistedQueryLink(persisted).concat(http), cache: new InMemoryCache() });
  return { client, sent };
}

const INDICATORS = registeredOperation(path.join(DASHBOARD_OPERATIONS_DIR, 'Indicators.graphql'));

describe('Apollo Client\'s persisted query link with the registered operations (HUB_SAFELIST=enforce)', () => {
  let hub: TestHub;
  let enforcing: RunningGateway;
  let token: string;

  beforeAll(async () => {
    hub = await startHub({ persons: 200 });
    const subgraphUrls = Object.fromEntries(PARTNER_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    enforcing = await startTestGateway({ subgraphUrls, safelist: { mode: 'enforce' } });
    token = await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] });
  });
  afterAll(async () => {
    await enforcing?.stop();
    await hub?.stop();
  });

  it('runs a registered dashboard operation in one request, sending only its id from the manifest', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
    const { client, sent } = dashboardClient(enforcing.url, token, generatePersistedQueryIdsFromManifest({ loadManifest: () => manifest }));
    const warnings = [jest.spyOn(console, 'error'), jest.spyOn(console, 'warn')];
    try {
      const result = await client.query({ query: gql(INDICATORS.body), variables: { lineOfAction: 'JOB' } });
      expect(result.errors).toBeUndefined();
      expect(result.data.indicators.length).toBeGreaterThan(0);
      expect(sent).toEqual([{ body: expect.objectContaining({ extensions: { persistedQuery: { version: 1, sha256Hash: INDICATORS.id } } }) }]);
      expect(sent[0].body.query).toBeUndefined();
      // The answer has no __typename (the registered text asks none): Apollo's cache takes it as it is.
      const again = await client.query({ query: gql(INDICATORS.body), variables: { lineOfAction: 'JOB' } });
      expect(again.data).toEqual(result.data);
      expect(sent).toHaveLength(1);
      for (const spy of warnings) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of warnings) spy.mockRestore();
    }
  });

  it('runs it in one request with the link\'s default hashing too, which hashes the text with __typename added', async () => {
    const { client, sent } = dashboardClient(enforcing.url, token, { sha256 });
    const result = await client.query({ query: gql(INDICATORS.body), variables: { lineOfAction: 'JOB' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.indicators[0]).toMatchObject({ __typename: 'Indicator', owner: { __typename: 'Partner' } });
    expect(sent).toHaveLength(1);
    expect(sent[0].body.query).toBeUndefined();
    expect(sent[0].body.extensions?.persistedQuery?.sha256Hash).not.toBe(INDICATORS.id);
  });

  it('runs it sent as text by Apollo Client without the link, __typename added', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: enforcing.url, headers: { authorization: `Bearer ${token}` } }),
      cache: new InMemoryCache(),
    });
    const result = await client.query({ query: gql(INDICATORS.body), variables: { lineOfAction: 'JOB' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.indicators[0].__typename).toBe('Indicator');
  });
});
