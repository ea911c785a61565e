import { PARTNER_NAMES, type PartnerName } from '@hub/core';
import { exampleQuery, startHub, type TestHub } from '../support/hub';
import { postGraphQL } from '../support/graphql';

/** SQL statements each subgraph ran to answer one flagship query. */
async function statementsForFlagship(hub: TestHub): Promise<Record<PartnerName, number>> {
  const before = PARTNER_NAMES.map((name) => hub.subgraphs[name].database.statements.total);
  const response = await postGraphQL(hub.gatewayUrl, exampleQuery('job-line-of-action'), {
    on: '2026-06-30',
  });
  expect(response.errors).toBeUndefined();
  return Object.fromEntries(
    PARTNER_NAMES.map((name, i) => [name, hub.subgraphs[name].database.statements.total - before[i]]),
  ) as Record<PartnerName, number>;
}

async function measure(persons: number): Promise<Record<PartnerName, number>> {
  // Nothing kept: a kept answer would be given again after one statement (the version probe), and
  // whether the second query finds it depends on timing. Counted work, not time: no timeout.
  const hub = await startHub({ persons, answerCache: { store: 'none' }, traffic: { timeoutMs: 120_000 } });
  try {
    await statementsForFlagship(hub); // the first query also warms connections
    return await statementsForFlagship(hub);
  } finally {
    await hub.stop();
  }
}

describe('SQL statements per flagship query', () => {
  it('are the same at 1,000 and at 10,000 persons, in every subgraph', async () => {
    const small = await measure(1000);
    const large = await measure(10000);
    expect(large).toEqual(small);
    for (const name of PARTNER_NAMES) expect(small[name]).toBeGreaterThan(0);
  }, 600_000);
});
