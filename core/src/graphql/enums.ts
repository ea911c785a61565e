import { registerEnumType } from 'type-graphql';

/** The alliance's four lines of action (indsatsspor). */
export enum LineOfActionCode {
  HEALTH = 'HEALTH',
  CULTURE_LEISURE = 'CULTURE_LEISURE',
  LEARNING = 'LEARNING',
  JOB = 'JOB',
}

export enum AreaKind {
  MUNICIPALITY = 'MUNICIPALITY',
  DISTRICT = 'DISTRICT',
  ESTATE = 'ESTATE',
}

/**
 * Fixed age bands. Aggregates are only asked along predefined bands, never arbitrary ranges, so
 * that two answers cannot be subtracted to single out a person. Every band is a disjoint band or
 * a union of adjacent disjoint bands (`AGE_BAND_COMPONENTS`): no band ends inside another, which
 * would let a difference of two bands pick out a single year of age. For that reason the alliance's
 * target group 0-25 (docs/domain.md) is approximated by 0-24: a 0-25 band minus 0-24 would be the
 * 25-year-olds alone.
 */
export enum AgeBand {
  AGE_0_5 = 'AGE_0_5',
  AGE_6_14 = 'AGE_6_14',
  AGE_15_17 = 'AGE_15_17',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_29 = 'AGE_25_29',
  AGE_15_24 = 'AGE_15_24',
  AGE_18_29 = 'AGE_18_29',
  AGE_0_24 = 'AGE_0_24',
}

export const AGE_BAND_RANGES: Record<AgeBand, { min: number; max: number }> = {
  AGE_0_5: { min: 0, max: 5 },
  AGE_6_14: { min: 6, max: 14 },
  AGE_15_17: { min: 15, max: 17 },
  AGE_18_24: { min: 18, max: 24 },
  AGE_25_29: { min: 25, max: 29 },
  AGE_15_24: { min: 15, max: 24 },
  AGE_18_29: { min: 18, max: 29 },
  AGE_0_24: { min: 0, max: 24 },
};

/** Bands that partition 0-29 without overlap, for breakdowns. */
export const DISJOINT_AGE_BANDS = [
  AgeBand.AGE_0_5,
  AgeBand.AGE_6_14,
  AgeBand.AGE_15_17,
  AgeBand.AGE_18_24,
  AgeBand.AGE_25_29,
] as const;

export type DisjointAgeBand = (typeof DISJOINT_AGE_BANDS)[number];

/**
 * The disjoint bands each band is the union of (a disjoint band: itself alone); a unit test checks
 * them against `AGE_BAND_RANGES`. A composite band's cell joins its components' cells, so the
 * same persons get the same perturbation through any band (`bandCell`).
 */
export const AGE_BAND_COMPONENTS: Record<AgeBand, readonly DisjointAgeBand[]> = {
  AGE_0_5: [AgeBand.AGE_0_5],
  AGE_6_14: [AgeBand.AGE_6_14],
  AGE_15_17: [AgeBand.AGE_15_17],
  AGE_18_24: [AgeBand.AGE_18_24],
  AGE_25_29: [AgeBand.AGE_25_29],
  AGE_15_24: [AgeBand.AGE_15_17, AgeBand.AGE_18_24],
  AGE_18_29: [AgeBand.AGE_18_24, AgeBand.AGE_25_29],
  AGE_0_24: [AgeBand.AGE_0_5, AgeBand.AGE_6_14, AgeBand.AGE_15_17, AgeBand.AGE_18_24],
};

export enum MeasureUnit {
  SHARE = 'SHARE',
  COUNT = 'COUNT',
  MEAN = 'MEAN',
  AMOUNT_DKK = 'AMOUNT_DKK',
}

registerEnumType(LineOfActionCode, {
  name: 'LineOfActionCode',
  description: 'The four lines of action of the alliance.',
});
registerEnumType(AreaKind, { name: 'AreaKind', description: 'Level of an area in the register.' });
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'Predefined age bands (age = year of the date asked − birth year).',
});
registerEnumType(MeasureUnit, { name: 'MeasureUnit', description: 'What a measure value means.' });
