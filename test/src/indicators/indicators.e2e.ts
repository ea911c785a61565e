// Indicators through the gateway: the definitions come from the foundation, every value live from
// the owning partner's own data (checked against SQL on that partner's database), and goal
// fulfilment from the two.
import { INDICATOR_DEFINITIONS, goalFulfilment, summarise, type IndicatorDefinition } from '@hub/subgraph-foundation';
import { MEASURE_FIELDS, type MeasureJson } from '../disclosure/expected';
import { postGraphQL } from '../support/graphql';
import { startHub, type TestHub } from '../support/hub';
import { Role, latestStockReferenceDate } from '@hub/core';
import { callerToken } from '../support/identity';
import { ownerMeasure, todayUtc } from './ownerData';

interface IndicatorJson {
  id: string;
  name: string;
  lineOfAction: { code: string };
  owner: { code: string };
  measure: string;
  ageBand: IndicatorDefinition['ageBand'];
  area: { code: string };
  comparisonArea: { code: string } | null;
  direction: string;
  baseline: { date: string; value: number };
  target: { date: string; value: number };
  current: MeasureJson;
  comparisonCurrent: MeasureJson | null;
  fulfilment: { progress: number | null; met: boolean | null; status: string };
}

const INDICATOR_FIELDS = `id name lineOfAction { code } owner { code } measure ageBand area { code }
  comparisonArea { code } direction baseline { date value } target { date value }
  current ${MEASURE_FIELDS} comparisonCurrent ${MEASURE_FIELDS} fulfilment { progress met status }`;

let hub: TestHub;
let indicators: IndicatorJson[];
let today: string;
/** The latest reference date (month end): the day of every current value. */
let referenceDay: string;

async function query<T>(text: string, token?: string) {
  const response = await postGraphQL<T>(hub.gatewayUrl, text, undefined, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const definition = (id: string) => INDICATOR_DEFINITIONS.find((d) => d.id === id)!;

beforeAll(async () => {
  hub = await startHub({ persons: 1000 });
  today = todayUtc();
  referenceDay = latestStockReferenceDate(today);
  ({ indicators } = await query<{ indicators: IndicatorJson[] }>(`{ indicators { ${INDICATOR_FIELDS} } }`));
});
afterAll(() => hub?.stop());

describe('indicator definitions', () => {
  it('are the alliance\'s, as the foundation keeps them', () => {
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(
      indicators.map((i) => ({
        id: i.id,
        name: i.name,
        lineOfAction: i.lineOfAction.code,
        owner: i.owner.code,
        measure: i.measure,
        ageBand: i.ageBand,
        area: i.area.code,
        comparisonArea: i.comparisonArea?.code ?? null,
        direction: i.direction,
        baseline: i.baseline,
        target: i.target,
      })).sort(byId),
    ).toEqual([...INDICATOR_DEFINITIONS].sort(byId));
  });

  it('can be asked for one line of action, or one by id', async () => {
    const { indicators: job } = await query<{ indicators: { id: string }[] }>('{ indicators(lineOfAction: JOB) { id } }');
    expect(job.map((i) => i.id).sort()).toEqual(INDICATOR_DEFINITIONS.filter((d) => d.lineOfAction === 'JOB').map((d) => d.id).sort());
    const { line } = await query<{ line: { indicators: { id: string }[] } }>('{ line: lineOfAction(code: JOB) { indicators { id } } }');
    expect(line.indicators.map((i) => i.id).sort()).toEqual(job.map((i) => i.id).sort());
    const { indicator } = await query<{ indicator: { name: string } }>('{ indicator(id: "neet-hedelundgardparken") { name } }');
    expect(indicator.name).toBe(definition('neet-hedelundgardparken').name);
  });

  it('answers an unknown id with NOT_FOUND on that field, and null', async () => {
    const response = await postGraphQL<{ indicator: null }>(hub.gatewayUrl, '{ indicator(id: "no-such-indicator") { name } }');
    expect(response.data).toEqual({ indicator: null });
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['indicator'], extensions: expect.objectContaining({ code: 'NOT_FOUND', argument: 'id' }) }),
    ]);
  });
});

describe('current values', () => {
  it('equal what each owner\'s own data give on the latest reference date, in the area and in the comparison area', async () => {
    for (const indicator of indicators) {
      const own = definition(indicator.id);
      expect(indicator.current).toEqual(await ownerMeasure(hub, own, own.area, referenceDay));
      expect(indicator.comparisonCurrent).toEqual(own.comparisonArea ? await ownerMeasure(hub, own, own.comparisonArea, referenceDay) : null);
    }
  });

  it('include withheld cells, as null figures and never zero, when the owner withholds them', async () => {
    for (const indicator of indicators.filter((i) => i.current.suppressed)) {
      expect(indicator.current).toMatchObject({ value: null, numerator: null, denominator: null });
      expect(indicator.fulfilment).toEqual({ progress: null, met: null, status: 'UNKNOWN' });
    }
    // At 1,000 persons the seed has small groups: some of the indicators' monthly values are withheld.
    const withheld: MeasureJson[] = [];
    for (const indicator of indicators) {
      const { indicator: answer } = await query<{ indicator: { series: { value: MeasureJson }[] } }>(
        `{ indicator(id: "${indicator.id}") { series(period: MONTH) { value ${MEASURE_FIELDS} } } }`,
      );
      withheld.push(...answer.series.map((point) => point.value).filter((value) => value.suppressed));
    }
    expect(withheld.length).toBeGreaterThan(0);
    for (const value of withheld) expect(value).toMatchObject({ value: null, numerator: null, denominator: null });
  });
});

describe('time series', () => {
  interface SeriesJson {
    indicator: { series: { period: string; on: string; value: MeasureJson; comparison: MeasureJson | null }[] };
  }
  const series = (id: string, period: string) =>
    query<SeriesJson>(`{ indicator(id: "${id}") { series(period: ${period}) { period on value ${MEASURE_FIELDS} comparison ${MEASURE_FIELDS} } } }`);

  it.each(['part-time-jobs-osterbyen', 'neet-hedelundgardparken', 'club-members-osterbyen', 'well-being-osterbyen'])(
    'of %s by year equal the owner\'s data at the end of each year since the baseline',
    async (id) => {
      const own = definition(id);
      const { indicator } = await series(id, 'YEAR');
      const first = Number(own.baseline.date.slice(0, 4));
      const years = Array.from({ length: Number(referenceDay.slice(0, 4)) - first + 1 }, (_, i) => String(first + i));
      expect(indicator.series.map((o) => o.period)).toEqual(years);
      for (const observation of indicator.series) {
        expect(observation.on).toBe(observation.period === referenceDay.slice(0, 4) ? referenceDay : `${observation.period}-12-31`);
        expect(observation.value).toEqual(await ownerMeasure(hub, own, own.area, observation.on));
        expect(observation.comparison).toEqual(own.comparisonArea ? await ownerMeasure(hub, own, own.comparisonArea, observation.on) : null);
      }
    },
  );

  it('by month has one observation per month from the baseline\'s to the latest reference date\'s, each on its last day', async () => {
    const own = definition('part-time-jobs-osterbyen');
    const { indicator } = await series(own.id, 'MONTH');
    const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
    expect(indicator.series).toHaveLength(months(referenceDay) - months(own.baseline.date) + 1);
    expect(indicator.series[0]).toMatchObject({ period: own.baseline.date.slice(0, 7), on: own.baseline.date });
    expect(indicator.series.at(-1)).toMatchObject({ period: referenceDay.slice(0, 7), on: referenceDay });
    const february = indicator.series.find((o) => o.period === '2024-02')!;
    expect(february.on).toBe('2024-02-29');
    expect(february.value).toEqual(await ownerMeasure(hub, own, own.area, '2024-02-29'));
  });
});

describe('goal fulfilment', () => {
  const goalOf = (own: IndicatorDefinition) => ({ direction: own.direction, baseline: own.baseline, target: own.target });

  it('of each indicator follows from its current value, baseline and target', () => {
    for (const indicator of indicators) {
      const own = definition(indicator.id);
      expect(indicator.fulfilment).toEqual(goalFulfilment(goalOf(own), indicator.current.value, today));
    }
  });

  it('of a line of action and of the alliance counts the targets met', async () => {
    const { lines, alliance } = await query<{
      lines: { code: string; goalFulfilment: { scope: string; indicators: number; met: number; unknown: number; share: number | null } }[];
      alliance: { scope: string; indicators: number; met: number; unknown: number; share: number | null };
    }>('{ lines: linesOfAction { code goalFulfilment { scope indicators met unknown share } } alliance: allianceGoalFulfilment { scope indicators met unknown share } }');
    const fulfilments = (line?: string) => indicators.filter((i) => !line || i.lineOfAction.code === line).map((i) => i.fulfilment as never);
    for (const line of lines) {
      const { indicators: count, met, unknown, share } = summarise(fulfilments(line.code));
      expect(line.goalFulfilment).toEqual({ scope: line.code, indicators: count, met, unknown, share });
    }
    expect(alliance).toEqual({ scope: 'ALLIANCE', ...summarise(fulfilments()) });
    expect(alliance.indicators).toBe(INDICATOR_DEFINITIONS.length);
  });
});

describe('what stays inside the federation', () => {
  it.each(['ownerCode', 'areaCode', 'jobcentreReading { indicatorId }'])('refuses a client asking for %s', async (field) => {
    const response = await postGraphQL(hub.gatewayUrl, `{ indicators { ${field} } }`);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data).toBeUndefined();
  });

  it('serves indicators and goal fulfilment to a dashboard token, with the same figures', async () => {
    const data = await query<{ indicators: IndicatorJson[] }>(`{ indicators { ${INDICATOR_FIELDS} } }`, await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] }));
    expect(data.indicators).toEqual(indicators);
  });
});
