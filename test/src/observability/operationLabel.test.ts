import { operationLabels } from '@hub/core';

describe('operationLabels', () => {
  it('keeps the first names as they are and lumps the rest into "other"', () => {
    const label = operationLabels(2);
    expect(['A', 'B', 'C', 'A', 'D', 'B'].map((name) => label(name))).toEqual(['A', 'B', 'other', 'A', 'other', 'B']);
  });

  it('names unnamed operations "anonymous" and requests GraphQL never ran "none"', () => {
    const label = operationLabels();
    expect([label(null), label(undefined), label(''), label('Named', false)]).toEqual(['anonymous', 'anonymous', 'anonymous', 'none']);
  });
});
