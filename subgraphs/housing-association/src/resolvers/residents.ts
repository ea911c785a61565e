import { DISJOINT_AGE_BANDS, referenceDateArg, type AgeBandMeasure } from '@hub/core';
import type { HousingAssociationLoaders } from '../loaders/createLoaders';

/**
 * Residents of an area in every disjoint age band. The loads are issued together, so the
 * population loader answers all bands in one statement. Disclosure control: the `residents`
 * loader is a breakdown loader, so it decides on the area's bands together (a small band also
 * withholds the smallest other, SECONDARY), and `residents(ageBand:)` asked alone agrees.
 */
export function residentsByAgeBand(
  loaders: HousingAssociationLoaders,
  area: string,
  on: string | null | undefined,
): Promise<AgeBandMeasure[]> {
  const day = referenceDateArg(on);
  return Promise.all(
    DISJOINT_AGE_BANDS.map(async (ageBand) => ({
      ageBand,
      measure: await loaders.residents.load({ area, ageBand, on: day }),
    })),
  );
}
