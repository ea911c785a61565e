import {
  GoalStatus,
  IndicatorDirection,
  IndicatorPeriod,
  elapsedShare,
  goalFulfilment,
  periodDays,
  summarise,
  type Goal,
} from '@hub/subgraph-foundation';

// NEET in an estate: 29 % at the start, to be halved by mid-2027.
const halveNeet: Goal = {
  direction: IndicatorDirection.DOWN,
  baseline: { date: '2017-06-30', value: 0.29 },
  target: { date: '2027-06-30', value: 0.145 },
};
// Part-time jobs: from 5 % to 13 % by the end of 2029.
const moreJobs: Goal = {
  direction: IndicatorDirection.UP,
  baseline: { date: '2017-06-30', value: 0.05 },
  target: { date: '2029-12-31', value: 0.13 },
};

describe('goal fulfilment of one indicator', () => {
  it('measures progress as the share of the way from baseline to target, in either direction', () => {
    expect(goalFulfilment(moreJobs, 0.09, '2020-01-01').progress).toBeCloseTo(0.5);
    expect(goalFulfilment(halveNeet, 0.2175, '2020-01-01').progress).toBeCloseTo(0.5);
    expect(goalFulfilment(moreJobs, 0.05, '2020-01-01').progress).toBe(0);
  });

  it('is MET once the target is reached or passed, whatever the date', () => {
    expect(goalFulfilment(moreJobs, 0.13, '2018-01-01')).toEqual({ progress: 1, met: true, status: GoalStatus.MET });
    expect(goalFulfilment(halveNeet, 0.1, '2030-01-01')).toMatchObject({ met: true, status: GoalStatus.MET });
    expect(goalFulfilment(halveNeet, 0.1, '2030-01-01').progress).toBeCloseTo((0.29 - 0.1) / 0.145);
  });

  it('is ON_TRACK when at least as far along as the time from baseline to target date', () => {
    // Half the time has passed on 2022-06-30 (of 2017-06-30..2027-06-30).
    expect(elapsedShare(halveNeet, '2022-06-30')).toBeCloseTo(0.5, 3);
    expect(goalFulfilment(halveNeet, 0.217, '2022-06-30').status).toBe(GoalStatus.ON_TRACK);
    expect(goalFulfilment(halveNeet, 0.22, '2022-06-30').status).toBe(GoalStatus.OFF_TRACK);
  });

  it('is OFF_TRACK when it moved the wrong way, with a negative progress', () => {
    expect(goalFulfilment(halveNeet, 0.31, '2018-01-01')).toMatchObject({ met: false, status: GoalStatus.OFF_TRACK });
    expect(goalFulfilment(halveNeet, 0.31, '2018-01-01').progress).toBeLessThan(0);
  });

  it('is UNKNOWN, with no progress and no verdict, when the current value is withheld', () => {
    expect(goalFulfilment(moreJobs, null, '2024-01-01')).toEqual({ progress: null, met: null, status: GoalStatus.UNKNOWN });
  });

  it('expects no progress before the baseline and all of it after the target date', () => {
    expect(elapsedShare(moreJobs, '2010-01-01')).toBe(0);
    expect(elapsedShare(moreJobs, '2035-01-01')).toBe(1);
    expect(goalFulfilment(moreJobs, 0.12, '2035-01-01').status).toBe(GoalStatus.OFF_TRACK);
  });
});

describe('goal fulfilment of a line of action or the alliance', () => {
  const met = goalFulfilment(moreJobs, 0.2, '2024-01-01');
  const behind = goalFulfilment(moreJobs, 0.04, '2024-01-01');
  const unknown = goalFulfilment(moreJobs, null, '2024-01-01');

  it('is the share of targets met; an unknown one is counted but not met', () => {
    expect(summarise([met, behind, unknown, met])).toEqual({ indicators: 4, met: 2, unknown: 1, share: 0.5 });
  });

  it('has no share without targets', () => {
    expect(summarise([])).toEqual({ indicators: 0, met: 0, unknown: 0, share: null });
  });
});

describe('the days of a time series', () => {
  it('by year: the end of each year from the baseline\'s, then today', () => {
    expect(periodDays(IndicatorPeriod.YEAR, '2017-06-30', '2019-03-15')).toEqual([
      { period: '2017', on: '2017-12-31' },
      { period: '2018', on: '2018-12-31' },
      { period: '2019', on: '2019-03-15' },
    ]);
  });

  it('by month: the last day of each month, leap years included, then today', () => {
    const days = periodDays(IndicatorPeriod.MONTH, '2023-12-31', '2024-03-02');
    expect(days).toEqual([
      { period: '2023-12', on: '2023-12-31' },
      { period: '2024-01', on: '2024-01-31' },
      { period: '2024-02', on: '2024-02-29' },
      { period: '2024-03', on: '2024-03-02' },
    ]);
    expect(periodDays(IndicatorPeriod.MONTH, '2017-06-30', '2026-11-24')).toHaveLength(114);
  });

  it('is empty for a baseline after today', () => {
    expect(periodDays(IndicatorPeriod.YEAR, '2030-01-01', '2026-11-24')).toEqual([]);
  });
});
