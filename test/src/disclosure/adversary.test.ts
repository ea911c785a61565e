// The auditor's solver on tiny tables whose answers are known: it must find a planted small
// count, by propagation and by linear programming, and must not find one that is not there.
import { DISCLOSURE_THRESHOLD } from '@hub/core';
import {
  AGE_PARTS,
  Census,
  Inconsistent,
  areaTree,
  determine,
  knowledge,
  nextMonthEnd,
  rest,
  type Fact,
  type Family,
} from './adversary';
import type { MeasureJson } from './expected';

const T = DISCLOSURE_THRESHOLD;

/** A figure as published: exact (a survey's), or perturbed (counts of persons). */
const published = (n: number, denominator: number | null = null, perturbed = false): MeasureJson => ({
  value: denominator === null ? n : n / denominator,
  numerator: n,
  denominator,
  unit: denominator === null ? 'COUNT' : 'SHARE',
  suppressed: false,
  suppressionReason: null,
  perturbed,
});
const withheld = (reason: string, perturbed = false): MeasureJson => ({
  value: null,
  numerator: null,
  denominator: null,
  unit: 'COUNT',
  suppressed: true,
  suppressionReason: reason as MeasureJson['suppressionReason'],
  perturbed,
});

// A municipality of two districts, the first with one estate.
const tree = areaTree([
  { code: 'town', parent: null },
  { code: 'north', parent: 'town' },
  { code: 'south', parent: 'town' },
  { code: 'estate', parent: 'north' },
]);
const population: Family = { name: 'population', tree, parts: AGE_PARTS, period: (date) => date, next: nextMonthEnd };

describe('knowledge of one figure', () => {
  it('is exact for a published figure', () => {
    expect(knowledge(published(7), 'numerator')).toEqual({ min: 7, max: 7 });
    expect(knowledge(published(7, 30), 'complement')).toEqual({ min: 23, max: 23 });
  });

  it('is a range for a withheld one, by its reason', () => {
    expect(knowledge(withheld('BELOW_THRESHOLD'), 'numerator')).toEqual({ min: 0, max: T - 1 });
    expect(knowledge(withheld('BELOW_THRESHOLD'), 'denominator')).toEqual({ min: T, max: Infinity });
    expect(knowledge(withheld('DENOMINATOR_BELOW_THRESHOLD'), 'numerator')).toEqual({ min: 0, max: T - 1 });
    expect(knowledge(withheld('COMPLEMENT_BELOW_THRESHOLD'), 'complement')).toEqual({ min: 0, max: T - 1 });
    expect(knowledge(withheld('COMPLEMENT_BELOW_THRESHOLD'), 'numerator')).toEqual({ min: T, max: Infinity });
    expect(knowledge(withheld('SECONDARY'), 'numerator')).toEqual({ min: T, max: Infinity });
  });

  it('is the perturbation table\'s range for a perturbed one: never a single value', () => {
    expect(knowledge(published(40, null, true), 'numerator')).toEqual({ min: 38, max: 42 });
    expect(knowledge(published(T, null, true), 'numerator')).toEqual({ min: 1, max: T + 2 });
    expect(knowledge(published(10, 40, true), 'complement')).toEqual({ min: 26, max: 34 });
    expect(knowledge(withheld('BELOW_THRESHOLD', true), 'numerator')).toEqual({ min: 0, max: T + 1 });
    expect(knowledge(withheld('DENOMINATOR_BELOW_THRESHOLD', true), 'complement')).toEqual({ min: 0, max: T + 1 });
    // A published 5 of 9 may be 1 of 11: the complement is 0 to 10.
    expect(knowledge(withheld('COMPLEMENT_BELOW_THRESHOLD', true), 'complement')).toEqual({ min: 0, max: 2 * T });
  });
});

describe('the area tree', () => {
  it('splits a district into its estate and the rest, and the municipality into its districts', () => {
    expect(tree.leavesOf('town')).toEqual(['estate', rest('north'), 'south']);
    expect(tree.leavesOf('north')).toEqual(['estate', rest('north')]);
    expect(tree.nodes).toContain(rest('north'));
  });
});

describe('determine', () => {
  it('finds a district minus its estate when both are published exactly (propagation)', async () => {
    const census = new Census();
    census.count(population, 'north', 'AGE_15_17', '2024-06-30', published(40), 'north');
    census.count(population, 'estate', 'AGE_15_17', '2024-06-30', published(37), 'estate');
    const outcome = await determine(census.facts, census.targets());
    expect(outcome.revealed.map((r) => [r.target.label, r.value])).toContainEqual([
      `population ${rest('north')} AGE_15_17 2024-06-30`,
      3,
    ]);
    expect(outcome.byPropagation).toBeGreaterThan(0);
  });

  it('finds a composite band minus its other part', async () => {
    const census = new Census();
    census.count(population, 'south', 'AGE_15_24', '2024-06-30', published(60), '15-24');
    census.count(population, 'south', 'AGE_18_24', '2024-06-30', published(58), '18-24');
    const { revealed } = await determine(census.facts, census.targets());
    expect(revealed.map((r) => [r.target.label, r.value])).toContainEqual(['population south AGE_15_17 2024-06-30', 2]);
  });

  it('finds a small change between two adjacent dates', async () => {
    const census = new Census();
    census.count(population, 'south', 'AGE_0_5', '2024-06-30', published(60), 'June');
    census.count(population, 'south', 'AGE_0_5', '2024-07-31', published(63), 'July');
    const { revealed } = await determine(census.facts, census.targets());
    expect(revealed.map((r) => [r.target.kind, r.value])).toEqual([['population change', 3]]);
  });

  it('finds what only a linear program sees: three overlapping sums', async () => {
    // a + b = 7, b + c = 9, a + c = 6: a = 2, b = 5, c = 4, though each pair alone says little.
    const sum = (...cells: string[]) => new Map(cells.map((cell) => [cell, 1]));
    const facts: Fact[] = [
      { terms: sum('a', 'b'), bounds: { min: 7, max: 7 }, source: 'a+b' },
      { terms: sum('b', 'c'), bounds: { min: 9, max: 9 }, source: 'b+c' },
      { terms: sum('a', 'c'), bounds: { min: 6, max: 6 }, source: 'a+c' },
    ];
    const targets = ['a', 'b', 'c'].map((cell) => ({ kind: 'cell', label: cell, terms: sum(cell), change: false }));
    const outcome = await determine(facts, targets);
    expect(outcome.revealed.map((r) => [r.target.label, r.value])).toEqual([
      ['a', 2],
      ['c', 4],
    ]);
    expect(outcome.byLinearProgram).toBe(3);
  });

  it('finds nothing when the district is withheld as the rules withhold it', async () => {
    const census = new Census();
    census.count(population, 'north', 'AGE_15_17', '2024-06-30', withheld('SECONDARY'), 'north');
    census.count(population, 'estate', 'AGE_15_17', '2024-06-30', published(37), 'estate');
    census.count(population, 'town', 'AGE_15_17', '2024-06-30', published(100), 'town');
    census.count(population, 'south', 'AGE_15_17', '2024-06-30', withheld('SECONDARY'), 'south');
    expect((await determine(census.facts, census.targets())).revealed).toEqual([]);
  });

  it('finds nothing in noisy figures whose ranges leave a small count open', async () => {
    // What a perturbed figure could mean: the true count within 2 of the published one.
    const facts: Fact[] = [
      {
        terms: new Map([
          ['north', 1],
          ['estate', 1],
        ]),
        bounds: { min: 38, max: 42 },
        source: 'north ≈ 40',
      },
      { terms: new Map([['estate', 1]]), bounds: { min: 35, max: 39 }, source: 'estate ≈ 37' },
    ];
    const target = { kind: 'cell', label: 'rest', terms: new Map([['north', 1]]), change: false };
    expect((await determine(facts, [target])).revealed).toEqual([]);
  });

  it("finds the shares' small numerator and complement cells", async () => {
    const neet: Family = { ...population, name: 'neetShare' };
    const census = new Census();
    census.share(neet, population, 'north', 'AGE_15_24', '2024-06-30', published(10, 50), 'north');
    census.share(neet, population, 'estate', 'AGE_15_24', '2024-06-30', published(8, 46), 'estate');
    const labels = (await determine(census.facts, census.targets())).revealed.map((r) => [r.target.label, r.value]);
    expect(labels).toContainEqual([`neetShare ${rest('north')} AGE_15_24 2024-06-30`, 2]);
    expect(labels).toContainEqual([`neetShare ${rest('north')} AGE_15_24 2024-06-30 (complement)`, 2]);
  });

  it('reports figures that contradict the identities', async () => {
    const census = new Census();
    census.count(population, 'north', 'AGE_15_17', '2024-06-30', published(30), 'north');
    census.count(population, 'estate', 'AGE_15_17', '2024-06-30', published(37), 'estate');
    await expect(determine(census.facts, census.targets())).rejects.toThrow(Inconsistent);
  });
});
