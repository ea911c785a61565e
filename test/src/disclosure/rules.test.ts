import {
  MeasureUnit,
  SuppressionReason,
  amountMeasure,
  countMeasure,
  countSuppression,
  meanMeasure,
  meanSuppression,
  shareMeasure,
  shareSuppression,
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
  const withheld = (unit: MeasureUnit, reason: SuppressionReason) => ({
    value: null,
    numerator: null,
    denominator: null,
    unit,
    suppressed: true,
    suppressionReason: reason,
  });

  it('a withheld count has null figures, never zero', () => {
    expect({ ...countMeasure(3) }).toEqual(withheld(MeasureUnit.COUNT, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...countMeasure(0) }).toEqual(withheld(MeasureUnit.COUNT, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...countMeasure(12) }).toEqual({
      value: 12,
      numerator: 12,
      denominator: null,
      unit: MeasureUnit.COUNT,
      suppressed: false,
      suppressionReason: null,
    });
  });

  it('a share is withheld by its own rule, and a secondary verdict can only add suppression', () => {
    expect({ ...shareMeasure(2, 40) }).toEqual(withheld(MeasureUnit.SHARE, SuppressionReason.BELOW_THRESHOLD));
    expect({ ...shareMeasure(10, 40) }).toMatchObject({ value: 0.25, numerator: 10, denominator: 40, suppressed: false });
    expect({ ...shareMeasure(10, 40, { suppression: SuppressionReason.SECONDARY }) }).toEqual(
      withheld(MeasureUnit.SHARE, SuppressionReason.SECONDARY),
    );
    // The primary verdict wins: a caller cannot relabel (or lift) it.
    expect(shareMeasure(2, 40, { suppression: SuppressionReason.SECONDARY }).suppressionReason).toBe(
      SuppressionReason.BELOW_THRESHOLD,
    );
  });

  it('a survey share keeps its published value, under the same rule', () => {
    expect({ ...shareMeasure(61, 87, { value: 0.7 }) }).toMatchObject({ value: 0.7, numerator: 61, denominator: 87 });
    expect(shareMeasure(84, 87, { value: 0.97 }).suppressionReason).toBe(SuppressionReason.COMPLEMENT_BELOW_THRESHOLD);
  });

  it('a mean of few respondents is withheld', () => {
    expect({ ...meanMeasure(4.2, 3) }).toEqual(withheld(MeasureUnit.MEAN, SuppressionReason.BELOW_THRESHOLD));
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
      });
    }
  });
});
