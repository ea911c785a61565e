import {
  AgeBand,
  CohortKind,
  CohortMeasure,
  SuppressionReason,
  agreementGap,
  cohortReleaseSuppression,
  decodeCohortId,
  encodeCohortId,
  isReferenceDate,
  latestReferenceDate,
  type AgreementTerms,
} from '@hub/core';

describe('the cohort release rule', () => {
  const base = { size: 40, components: [40], outside: [] };

  it('releases a cohort of enough persons with no revealing neighbour', () => {
    expect(cohortReleaseSuppression(base, 5)).toBeNull();
  });

  it('withholds a cohort of fewer persons than the threshold, zero included', () => {
    expect(cohortReleaseSuppression({ ...base, size: 4, components: [4] }, 5)).toBe(SuppressionReason.BELOW_THRESHOLD);
    expect(cohortReleaseSuppression({ ...base, size: 0, components: [0] }, 5)).toBe(SuppressionReason.BELOW_THRESHOLD);
  });

  it('withholds a composite band with a part of a few persons, not one with an empty part', () => {
    expect(cohortReleaseSuppression({ ...base, components: [3, 37] }, 5)).toBe(SuppressionReason.SECONDARY);
    expect(cohortReleaseSuppression({ ...base, components: [0, 40] }, 5)).toBeNull();
  });

  it('withholds a cohort that leaves a few persons outside a cohort nested in it', () => {
    expect(cohortReleaseSuppression({ ...base, outside: [30, 2] }, 5)).toBe(SuppressionReason.SECONDARY);
    expect(cohortReleaseSuppression({ ...base, outside: [30, 0] }, 5)).toBeNull();
  });
});

describe('cohort ids and reference dates', () => {
  const spec = {
    kind: CohortKind.ESTATE_RESIDENTS,
    area: 'stengardsvej',
    programme: null,
    ageBand: AgeBand.AGE_15_24,
    asOf: '2026-01-01',
    agreement: 'medvind-neet-follow-up',
  };

  it('reads back exactly the definition it encodes', () => {
    expect(decodeCohortId(encodeCohortId(spec))).toEqual(spec);
  });

  it('refuses an id the hub did not make, or one off the reference dates', () => {
    expect(() => decodeCohortId('cohort:bm9wZQ')).toThrow('Not a cohort id');
    expect(() => decodeCohortId(encodeCohortId({ ...spec, asOf: '2026-03-01' }))).toThrow('Not a cohort id');
  });

  it('takes cohorts on 1 January only', () => {
    expect(isReferenceDate('2024-01-01')).toBe(true);
    expect(isReferenceDate('2024-04-01')).toBe(false);
    expect(isReferenceDate('2016-01-01')).toBe(false);
    expect(latestReferenceDate('2026-11-24')).toBe('2026-01-01');
  });
});

describe('agreement terms', () => {
  const terms: AgreementTerms = {
    code: 'a',
    provider: 'ungdomsbo',
    grants: [{ recipient: 'jobcentre-esbjerg', measures: [CohortMeasure.IN_WORK] }],
    validFrom: '2024-01-01',
    validTo: '2027-12-31',
  };
  const gap = (t: AgreementTerms | null, today = '2026-06-01', measure?: CohortMeasure) =>
    agreementGap(t, CohortKind.ESTATE_RESIDENTS, 'jobcentre', today, measure);

  it('lets a named recipient answer an allowed measure while the agreement is in force', () => {
    expect(gap(terms, '2026-06-01', CohortMeasure.IN_WORK)).toBeNull();
    expect(gap(terms, '2027-12-31')).toBeNull();
  });

  it('says what is missing otherwise', () => {
    expect(gap(null)).toMatch(/^a data-sharing agreement in force today/);
    expect(gap(terms, '2028-01-01')).toContain('is valid 2024-01-01 to 2027-12-31');
    expect(gap(terms, '2026-06-01', CohortMeasure.ON_BENEFITS)).toContain('does not allow jobcentre-esbjerg to answer ON_BENEFITS');
    expect(gap({ ...terms, provider: 'esbjerg-municipality' })).toContain('is provided by esbjerg-municipality');
    expect(agreementGap(terms, CohortKind.ESTATE_RESIDENTS, 'volunteer-centre', '2026-06-01')).toContain('does not name vindrosen');
  });
});
