import { DISJOINT_AGE_BANDS, today, type AgeBandMeasure } from '@hub/core';
import type { HousingAssociationLoaders } from '../loaders/createLoaders';

/**
 * Residents of an area in every disjoint age band. The loads are issued together, so the
 * population loader answers all bands in one statement.
 */
export function residentsByAgeBand(
  loaders: HousingAssociationLoaders,
  area: string,
  on: string | null | undefined,
): Promise<AgeBandMeasure[]> {
  const day = on ?? today();
  return Promise.all(
    DISJOINT_AGE_BANDS.map(async (ageBand) => ({
      ageBand,
      measure: await loaders.residents.load({ area, ageBand, on: day }),
    })),
  );
}
