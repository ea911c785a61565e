import type { AreaRecord, Residence } from './world';

export const MUNICIPALITY_CODE = 'esbjerg';
export const OSTERBYEN = 'osterbyen';
export const HEDELUND = 'hedelund';
export const HEDELUNDGARDPARKEN = 'hedelundgardparken';

/** Esbjerg's districts and social-housing estates that the alliance's cases name. */
export const AREAS: readonly AreaRecord[] = [
  { code: MUNICIPALITY_CODE, name: 'Esbjerg Kommune', kind: 'MUNICIPALITY', parentCode: null },
  { code: OSTERBYEN, name: 'Østerbyen', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: HEDELUND, name: 'Hedelund', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: 'kvaglund', name: 'Kvaglund', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: 'saedding', name: 'Sædding', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: 'jerne', name: 'Jerne', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: 'centrum', name: 'Esbjerg Centrum', kind: 'DISTRICT', parentCode: MUNICIPALITY_CODE },
  { code: HEDELUNDGARDPARKEN, name: 'Hedelundgårdparken', kind: 'ESTATE', parentCode: HEDELUND },
  { code: 'stengardsvej', name: 'Stengårdsvej', kind: 'ESTATE', parentCode: OSTERBYEN },
  { code: 'kvaglundparken', name: 'Kvaglundparken', kind: 'ESTATE', parentCode: 'kvaglund' },
];

export const DISTRICT_CODES: readonly string[] = AREAS.filter((area) => area.kind === 'DISTRICT').map(
  (area) => area.code,
);

export const ESTATE_CODES: readonly string[] = AREAS.filter((area) => area.kind === 'ESTATE').map(
  (area) => area.code,
);

/** A place to live and the share of the population living there. */
interface ResidenceShare {
  residence: Residence;
  share: number;
}

function place(districtCode: string, estateCode: string | null, share: number): ResidenceShare {
  return { residence: { municipalityCode: MUNICIPALITY_CODE, districtCode, estateCode }, share };
}

/**
 * Where people live. The alliance's districts are over-represented against the real Esbjerg so
 * that a 10,000-person world still has a few hundred young people in each of them: Østerbyen
 * 25 %, Hedelund 21 % (95 % of it the Hedelundgårdparken estate), the rest spread.
 */
export const RESIDENCE_SHARES: readonly ResidenceShare[] = [
  place(OSTERBYEN, null, 0.1625),
  place(OSTERBYEN, 'stengardsvej', 0.0875),
  place(HEDELUND, HEDELUNDGARDPARKEN, 0.1995),
  place(HEDELUND, null, 0.0105),
  place('kvaglund', 'kvaglundparken', 0.07),
  place('kvaglund', null, 0.07),
  place('saedding', null, 0.15),
  place('jerne', null, 0.13),
  place('centrum', null, 0.12),
];

/** A world of this many persons has the alliance's districts at their size; a larger one grows elsewhere. */
export const ALLIANCE_DISTRICTS_WORLD = 10_000;

/**
 * Where the persons of a world larger than ALLIANCE_DISTRICTS_WORLD live beyond those: the
 * districts the alliance's cases do not name, in their proportions above. Esbjerg (116,000
 * inhabitants) or Copenhagen grows there; Hedelundgårdparken keeps its 613 young residents.
 */
export const RESIDENCE_SHARES_ELSEWHERE: readonly ResidenceShare[] = RESIDENCE_SHARES.filter(
  (entry) => !['osterbyen', 'hedelund', 'kvaglund'].includes(entry.residence.districtCode),
);

/**
 * The residence distribution without Hedelundgårdparken, for the young people who must not be
 * placed there once the estate's exact count of 15-24-year-olds is reached.
 */
export const RESIDENCE_SHARES_OUTSIDE_HEDELUNDGARDPARKEN: readonly ResidenceShare[] = RESIDENCE_SHARES.filter(
  (entry) => entry.residence.estateCode !== HEDELUNDGARDPARKEN,
);

/** The kind of neighbourhood a person lives in, which drives most of the rates in the world. */
export type Neighbourhood = 'HEDELUNDGARDPARKEN' | 'OSTERBYEN' | 'HEDELUND_OTHER' | 'KVAGLUNDPARKEN' | 'REST';

export function neighbourhoodOf(residence: Residence): Neighbourhood {
  if (residence.estateCode === HEDELUNDGARDPARKEN) return 'HEDELUNDGARDPARKEN';
  if (residence.districtCode === OSTERBYEN) return 'OSTERBYEN';
  if (residence.districtCode === HEDELUND) return 'HEDELUND_OTHER';
  if (residence.estateCode === 'kvaglundparken') return 'KVAGLUNDPARKEN';
  return 'REST';
}
