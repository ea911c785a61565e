export { foundation } from './server';
export { foundationMappings } from './import';
export { INDICATOR_DEFINITIONS, type IndicatorDefinition } from './seed/IndicatorDefinitions';
export { GoalStatus, IndicatorDirection, IndicatorPeriod } from './entities/IndicatorEnums';
export { elapsedShare, goalFulfilment, summarise, type Goal } from './resolvers/GoalFulfilmentRules';
export { periodDays } from './resolvers/IndicatorPeriods';
