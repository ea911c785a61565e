import { createIndicatorReadings } from '@hub/core';
import type { MunicipalityContext } from './context';

/** The school year running on a day: it starts in August (2017 means 2017/18). */
export function schoolYearOn(day: string): number {
  const [year, month] = day.split('-').map(Number);
  return month >= 8 ? year : year - 1;
}

/**
 * The municipality's measures that alliance indicators may name: its LineOfAction fields of the
 * same name, through the same loaders (one statement per measure for every indicator and period).
 * Well-being is the survey of the school year running on the day, over the area's schools; the
 * indicator's age band does not narrow it (the survey's pupils are its population).
 */
export const municipalityIndicatorReadings = createIndicatorReadings<MunicipalityContext>('municipality', {
  neetShare: (key, { loaders }) => loaders.neetShare.load(key),
  inEducationShare: (key, { loaders }) => loaders.inEducationShare.load(key),
  population: (key, { loaders }) => loaders.population.load(key),
  wellBeing: (key, { loaders }) => loaders.wellBeing.load({ area: key.area, schoolYear: schoolYearOn(key.on) }),
});
