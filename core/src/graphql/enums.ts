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
 * that two answers cannot be subtracted to single out a person.
 */
export enum AgeBand {
  AGE_0_5 = 'AGE_0_5',
  AGE_6_14 = 'AGE_6_14',
  AGE_15_17 = 'AGE_15_17',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_29 = 'AGE_25_29',
  AGE_15_24 = 'AGE_15_24',
  AGE_18_29 = 'AGE_18_29',
  AGE_0_25 = 'AGE_0_25',
}

export const AGE_BAND_RANGES: Record<AgeBand, { min: number; max: number }> = {
  AGE_0_5: { min: 0, max: 5 },
  AGE_6_14: { min: 6, max: 14 },
  AGE_15_17: { min: 15, max: 17 },
  AGE_18_24: { min: 18, max: 24 },
  AGE_25_29: { min: 25, max: 29 },
  AGE_15_24: { min: 15, max: 24 },
  AGE_18_29: { min: 18, max: 29 },
  AGE_0_25: { min: 0, max: 25 },
};

/** Bands that partition 0-29 without overlap, for breakdowns. */
export const DISJOINT_AGE_BANDS = [
  AgeBand.AGE_0_5,
  AgeBand.AGE_6_14,
  AgeBand.AGE_15_17,
  AgeBand.AGE_18_24,
  AgeBand.AGE_25_29,
] as const;

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
