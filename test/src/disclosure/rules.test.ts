import {
  CELL_KEY_SPACE,
  MeasureUnit,
  SuppressionReason,
  amountMeasure,
  countMeasure,
  countSuppression,
  meanMeasure,
  meanSuppression,
  republishedCount,
  shareMeasure,
  shareSuppression,
  surveyShareMeasure,
} from '@hub/core';

const T = 5;

describe('primary rule for counts of persons', () => {
  it('withholds 0 to 4 persons alike, and publishes 5 or more', () => {
    for (const count of [0, 1, 2, 3, 4]) expect(countSuppression(count, T)).toBe(SuppressionReason.BELOW_THRESHOLD);
    for (const count of [5, 6, 613]) expect(countSuppression(count, T)).toBeNull();
  });

  it('follows the threshold it is given', () => {
    expect(countSuppression(7, 10)).toBe(SuppressionReason.BELOW_THRESHOLD);
    expect(countSuppression(3, 3)).toBeNull();
  });
});

describe('primary rule for shares', () => {
  it('withholds a share of a small group, whatever its numerator', () => {
    expect(shareSuppression(0, 4, T)).toBe(SuppressionReason.DENOMINATOR_BELOW_THRESHOLD);
    expect(shareSuppression(2, 3, T)).toBe(SuppressionReason.DENOMINATOR_BELOW_THRESHOLD);
  });

  it('withholds a share with few persons who have the property, zero included', () => {
    expect(shareSuppression(0, 40, T)).toBe(SuppressionReason.BELOW_THRESHOLD);
    expect(shareSuppression(4, 40, T)).toBe(SuppressionReason.BELOW_THRESHOLD);
  });

  it('withholds a share whose "all but n" singles out few persons', () => {
    expect(shareSuppression(38, 40, T)).toBe(SuppressionReason.COMPLEMENT_BELOW_THRESHOLD);
    expect(shareSuppression(40, 40, T)).toBe(SuppressionReason.COMPLEMENT_BELOW_THRESHOLD);
  });

  it('publishes a share when group, numerator and complement all reach the threshold', () => {
    expect(shareSuppression(5, 10, T)).toBeNull();
    expect(shareSuppression(35, 40, T)).toBeNull();
  });
});

describe('primary rule for means over respondents', () => {
  it('withholds a mean of fewer respondents than the threshold', () => {
    expect(meanSuppression(0, T)).toBe(SuppressionReason.BELOW_THRESHOLD);
    expect(meanSuppression(4, T)).toBe(SuppressionReason.BELOW_THRESHOLD);
    expect(meanSuppression(5, T)).toBeNull();
  });
});

describe('the measure constructors apply the rules', () => {
  const withheld = (unit: MeasureUnit, reason: SuppressionReason, perturbed = true) => ({
    value: null,
    numerator: null,
    denominator: null,
    unit,
    suppressed: true,
    suppressionReason: reason,
    perturbed,
  });
  /** A cell whose key draws `draw` (0-1) from its row of the perturbation table. */
  const cell = (count: number, draw = 0.5) => ({ count, key: Math.floor(draw * CELL_KEY_SPACE) });

  it('a withheld count has null figures, never zero', () => {
    expect({ ...countMeasure(cell(3, 0)) }).toEqual(withheld(MeasureUnit.COUNT, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...countMeasure(cell(0)) }).toEqual(withheld(MeasureUnit.COUNT, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...countMeasure(cell(12)) }).toEqual({
      value: 12,
      numerator: 12,
      denominator: null,
      unit: MeasureUnit.COUNT,
      suppressed: false,
      suppressionReason: null,
      perturbed: true,
    });
  });

  it('publishes the perturbed count: the cell key picks it from the count\'s row', () => {
    expect(countMeasure(cell(12, 0)).value).toBe(10);
    expect(countMeasure(cell(12, 0.99)).value).toBe(14);
    // A count of 3 is published as 5 when its key draws high: a published 5 may be 1 to 7.
    expect(countMeasure(cell(3, 0.99))).toMatchObject({ value: 5, suppressed: false });
  });

  it('a share is taken of perturbed counts, withheld by its own rule; a secondary verdict can only add suppression', () => {
    expect({ ...shareMeasure(cell(2, 0), cell(40)) }).toEqual(withheld(MeasureUnit.SHARE, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...shareMeasure(cell(10), cell(40)) }).toMatchObject({ value: 0.25, numerator: 10, denominator: 40, suppressed: false });
    expect(shareMeasure(cell(10, 0.99), cell(40, 0))).toMatchObject({ value: 12 / 38, numerator: 12, denominator: 38 });
    expect({ ...shareMeasure(cell(10), cell(40), SuppressionReason.SECONDARY) }).toEqual(
      withheld(MeasureUnit.SHARE, SuppressionReason.SECONDARY),
    );
    // The primary verdict wins: a caller cannot relabel (or lift) it.
    expect(shareMeasure(cell(2, 0), cell(40), SuppressionReason.SECONDARY).suppressionReason).toBe(
      SuppressionReason.BELOW_THRESHOLD,
    );
  });

  it('a survey share keeps its published value, under the same rule, unperturbed', () => {
    expect({ ...surveyShareMeasure(61, 87, 0.7) }).toMatchObject({ value: 0.7, numerator: 61, denominator: 87, perturbed: false });
    expect(surveyShareMeasure(84, 87, 0.97).suppressionReason).toBe(SuppressionReason.COMPLEMENT_BELOW_THRESHOLD);
  });

  it('a count relayed from the partner that perturbed it is judged again, never perturbed twice', () => {
    expect(republishedCount(12).value).toBe(12);
    expect(republishedCount(3).suppressed).toBe(true);
  });

  it('a mean of few respondents is withheld', () => {
    expect({ ...meanMeasure(4.2, 3) }).toEqual(withheld(MeasureUnit.MEAN, SuppressionReason.BELOW_THRESHOLD, false));
    expect({ ...meanMeasure(4.2, 80) }).toMatchObject({ value: 4.2, numerator: 80, suppressed: false });
    expect(meanMeasure(4.2, 80, SuppressionReason.SECONDARY).suppressed).toBe(true);
  });

  it('amounts of money are not about persons and are never withheld', () => {
    for (const amount of [0, 1, 4, 250_000]) {
      expect({ ...amountMeasure(amount) }).toEqual({
        value: amount,
        numerator: null,
        denominator: null,
        unit: MeasureUnit.AMOUNT_DKK,
        suppressed: false,
        suppressionReason: null,
        perturbed: false,
      });
    }
  });
});
