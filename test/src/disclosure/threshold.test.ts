import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  DISCLOSURE_THRESHOLD,
  MIN_DISCLOSURE_THRESHOLD,
  parseDisclosureThreshold,
} from '@hub/core';

describe('the disclosure threshold', () => {
  it('is 5 unless the alliance sets HUB_DISCLOSURE_THRESHOLD', () => {
    expect(DEFAULT_DISCLOSURE_THRESHOLD).toBe(5);
    expect(parseDisclosureThreshold(undefined)).toBe(5);
    expect(parseDisclosureThreshold('')).toBe(5);
    // The tests run without the variable, so the process threshold is the default.
    expect(DISCLOSURE_THRESHOLD).toBe(process.env.HUB_DISCLOSURE_THRESHOLD ? Number(process.env.HUB_DISCLOSURE_THRESHOLD) : 5);
  });

  it('takes a whole number of persons from the environment, higher or lower', () => {
    expect(parseDisclosureThreshold('10')).toBe(10);
    expect(parseDisclosureThreshold(' 3 ')).toBe(3);
  });

  it('refuses a value that would publish pairs, or is no whole number, rather than guess', () => {
    expect(MIN_DISCLOSURE_THRESHOLD).toBe(3);
    for (const raw of ['2', '1', '0', '-5', '4.5', 'five', '5 persons']) {
      expect(() => parseDisclosureThreshold(raw)).toThrow(/HUB_DISCLOSURE_THRESHOLD/);
    }
  });
});
