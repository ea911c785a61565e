import { groupLoader, keyLoader, type LineOfActionCode } from '@hub/core';
import { In, type DataSource } from 'typeorm';
import { ALLIANCE_SCOPE } from '../entities/GoalFulfilment';
import { Indicator } from '../entities/Indicator';

const ORDER = { lineOfActionCode: 'ASC', id: 'ASC' } as const;

/** The indicator definitions of a request: by id, by line of action, and all of them. */
export function createIndicatorLoaders(db: DataSource) {
  const indicators = db.getRepository(Indicator);
  return {
    indicator: keyLoader(
      (ids: readonly string[]) => indicators.findBy({ id: In([...ids]) }),
      (indicator) => indicator.id,
    ),
    indicatorsOfLine: groupLoader(
      (lines: readonly LineOfActionCode[]) => indicators.find({ where: { lineOfActionCode: In([...lines]) }, order: ORDER }),
      (indicator) => indicator.lineOfActionCode,
    ),
    /** Every indicator, under the one key `ALLIANCE_SCOPE`. */
    allIndicators: groupLoader(
      () => indicators.find({ order: ORDER }),
      (): string => ALLIANCE_SCOPE,
    ),
  };
}
