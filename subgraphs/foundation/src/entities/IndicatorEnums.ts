import { registerEnumType } from 'type-graphql';

/** Which way an indicator should move. */
export enum IndicatorDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}

/** The step of an indicator's time series. */
export enum IndicatorPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
}

/** Where an indicator stands against its target today. */
export enum GoalStatus {
  MET = 'MET',
  ON_TRACK = 'ON_TRACK',
  OFF_TRACK = 'OFF_TRACK',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'Which way is good: UP (a higher value is better) or DOWN (a lower one is).',
});
registerEnumType(IndicatorPeriod, {
  name: 'IndicatorPeriod',
  description: 'The step of a time series: one observation per calendar YEAR or MONTH.',
});
registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: 'An indicator against its target today.',
  valuesConfig: {
    MET: { description: 'The current value has reached the target (in the good direction).' },
    ON_TRACK: {
      description: 'Not yet met, but at least as far from the baseline toward the target as the time elapsed from baseline to target date.',
    },
    OFF_TRACK: { description: 'Behind that straight line from baseline to target, or moving the wrong way.' },
    UNKNOWN: { description: 'The current value is withheld by disclosure control, or its owner did not answer.' },
  },
});
