// DataLoader batching of indicator values: the SQL statements a subgraph runs for an indicator
// query do not grow with the number of indicators, nor with the number of periods of a series.
import type { PartnerName } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { newDataVersion, startHub, type TestHub } from '../support/hub';

const QUERY = `query Indicators($period: IndicatorPeriod!) {
  indicators {
    id current { value } comparisonCurrent { value } fulfilment { status }
    series(period: $period) { period value { value } comparison { value } }
  }
  allianceGoalFulfilment { met share }
  lineOfAction(code: JOB) { goalFulfilment { met share } }
}`;

const PARTNERS: PartnerName[] = ['foundation', 'municipality', 'jobcentre', 'volunteer-centre'];

let hub: TestHub;

/**
 * Indicators answered, and SQL statements each subgraph ran, for one indicator query on a new
 * version of every partner's data: no measure is served from memory, all are counted.
 */
async function statements(period: 'YEAR' | 'MONTH'): Promise<{ indicators: number; observations: number; sql: Record<string, number> }> {
  for (const name of PARTNERS) await newDataVersion(hub.subgraphs[name].database.dataSource);
  const before = PARTNERS.map((name) => hub.subgraphs[name].database.statements.total);
  const response = await postGraphQL<{ indicators: { series: unknown[] }[] }>(hub.gatewayUrl, QUERY, { period });
  expect(response.errors).toBeUndefined();
  const { indicators } = response.data!;
  return {
    indicators: indicators.length,
    observations: indicators.reduce((sum, indicator) => sum + indicator.series.length, 0),
    sql: Object.fromEntries(PARTNERS.map((name, i) => [name, hub.subgraphs[name].database.statements.total - before[i]])),
  };
}

/** Defines a copy of every indicator under a new id: the same owners and measures, twice as many. */
async function doubleTheIndicators(): Promise<void> {
  await hub.subgraphs.foundation.database.dataSource.query(
    `INSERT INTO indicator
     SELECT id || '-copy', name || ' (copy)', line_of_action, owner_code, measure, age_band, area_code,
            comparison_area_code, direction, baseline_on, baseline_value, target_on, target_value
     FROM indicator`,
  );
}

beforeAll(async () => {
  // Nothing kept at the gateway: its version probes (a statement each, as many as timing merges)
  // would blur what is counted here, the statements of computing the answer. It counts statements,
  // not time: on a loaded machine the monthly series of every indicator may take the subgraphs of
  // this one-process hub longer than the gateway's default wait.
  hub = await startHub({ persons: 1000, answerCache: { store: 'none' }, traffic: { timeoutMs: 60_000 } });
});
afterAll(() => hub?.stop());

describe('SQL statements per indicator query', () => {
  it('do not grow with twice the indicators or twelve times the periods, in every subgraph', async () => {
    await statements('YEAR'); // the first query also warms caches and connections
    const yearly = await statements('YEAR');
    const monthly = await statements('MONTH');
    await doubleTheIndicators();
    const doubled = await statements('YEAR');

    expect(monthly.observations).toBeGreaterThan(10 * yearly.observations);
    expect(doubled.indicators).toBe(2 * yearly.indicators);
    // A partner's fetches for one operation run at once: one of them may find a measure another
    // has just counted for the same version and skip its own count. So the totals may differ by a
    // statement or two between runs, never by the tenfold periods or the doubled indicators.
    for (const name of PARTNERS) {
      expect(yearly.sql[name]).toBeGreaterThan(0);
      expect(Math.abs(monthly.sql[name] - yearly.sql[name])).toBeLessThanOrEqual(2);
      expect(Math.abs(doubled.sql[name] - yearly.sql[name])).toBeLessThanOrEqual(2);
    }
  });
});
