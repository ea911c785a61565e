import { readFileSync } from 'node:fs';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@hub/schema';
import { nullabilityViolations, withFieldType } from './nullabilityRule';

const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');

describe('the nullability rule (schema/README.md): another partner\'s failure nulls only its own fields', () => {
  it.each([
    ['supergraph.graphql', SUPERGRAPH_PATH],
    ['supergraph.dashboard.graphql', DASHBOARD_SUPERGRAPH_PATH],
  ])('holds in %s: no non-null field needs another subgraph to answer', (_name, path) => {
    expect(nullabilityViolations(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('catches a non-null reference to an entity whose non-null fields its owner resolves (Indicator.area: Area!)', () => {
    expect(nullabilityViolations(withFieldType(supergraph, 'Indicator', 'area', 'Area!'))).toEqual([
      { field: 'Indicator.area', subgraph: 'FOUNDATION', reason: expect.stringContaining('Area.name, Area.kind, Area.children, Area.schools') },
    ]);
  });

  it('catches a non-null field computed from another partner\'s data (@requires), e.g. Indicator.fulfilment', () => {
    expect(nullabilityViolations(withFieldType(supergraph, 'Indicator', 'fulfilment', 'GoalFulfilment!'))).toEqual([
      { field: 'Indicator.fulfilment', subgraph: 'FOUNDATION', reason: expect.stringMatching(/^needs fields other subgraphs resolve \(@requires "municipalityReading/) },
    ]);
  });

  it('allows non-null references within one partner (Initiative.lineOfAction, Area.children)', () => {
    const fields = nullabilityViolations(supergraph).map((violation) => violation.field);
    expect(fields).not.toContain('Initiative.lineOfAction');
    expect(fields).not.toContain('Area.children');
  });
});
