// The outside auditor of differencing.e2e.ts: what an analyst can work out exactly from published
// aggregates and the additive identities between them. Pure: figures in, determined counts out.
//
// Unknowns are the TRUE counts of disjoint cells (a leaf unit × a disjoint part × a period, e.g.
// the 15-17-year-olds of Hedelund outside its estate at the end of June). A published figure bounds
// the sum of the cells it stands for (`knowledge`); identities are cells shared between figures
// (a composite band is its parts, a district its estates plus the rest, a cohort of the register
// the register's population). A target (a cell, an (area, band) node, a change between adjacent
// periods) is DETERMINED when every non-negative integer solution consistent with all bounds gives
// it the same value.
import highsLoader, { type Highs, type Model } from 'highs';
import { AGE_BAND_COMPONENTS, DISCLOSURE_THRESHOLD, MAX_NOISE, lastDayOfMonth, possibleTrueCounts } from '@hub/core';
import type { MeasureJson } from './expected';

export interface Bounds {
  min: number;
  max: number;
}

/**
 * Whose count a figure bounds: a count's persons (a share's numerator, a mean's respondents), a
 * share's group, or the group minus the numerator.
 */
export type Quantity = 'numerator' | 'denominator' | 'complement';

const UNKNOWN: Bounds = { min: 0, max: Infinity };
const exactly = (n: number): Bounds => ({ min: n, max: n });

/**
 * What a published measure tells about the true count behind `quantity`: the range of true counts
 * consistent with what was published, to anybody who knows the method but not the alliance's
 * secret. THE ONE PLACE that knows the disclosure mechanism.
 *
 * Perturbed figures (the cell key method, core's `possibleTrueCounts`): a published count j means
 * j-2 to j+2 (a published 5: 1 to 7), a withheld one 0 to threshold+1. The primary rules judge the
 * published counts, and no count of 1 to T-1 is published, so:
 * - BELOW_THRESHOLD: the count, or a share's numerator, was published as 0; the share's group
 *   passed (it is checked first);
 * - DENOMINATOR_BELOW_THRESHOLD: the group was published as 0, hence its parts are no larger;
 * - COMPLEMENT_BELOW_THRESHOLD: both counts passed, and their published difference is 0 to T-1;
 * - SECONDARY (a cohort's release rule, on its true size): the size is T or more.
 * Unperturbed figures (survey results: means' respondents, survey shares) are exact, and their
 * reasons are about the true counts.
 */
export function knowledge(measure: MeasureJson, quantity: Quantity, threshold = DISCLOSURE_THRESHOLD): Bounds {
  return measure.perturbed ? perturbedKnowledge(measure, quantity, threshold) : exactKnowledge(measure, quantity, threshold);
}

function perturbedKnowledge(measure: MeasureJson, quantity: Quantity, threshold: number): Bounds {
  const published = (count: number | null): Bounds => (count === null ? UNKNOWN : possibleTrueCounts(count, threshold));
  const withheld = possibleTrueCounts(null, threshold);
  const passed = possibleTrueCounts(threshold, threshold).min;
  const difference = (whole: Bounds, part: Bounds): Bounds => ({ min: Math.max(0, whole.min - part.max), max: whole.max - part.min });
  if (!measure.suppressed) {
    const [part, whole] = [published(measure.numerator), published(measure.denominator)];
    return { numerator: part, denominator: whole, complement: difference(whole, part) }[quantity];
  }
  switch (measure.suppressionReason) {
    case 'BELOW_THRESHOLD':
      return { numerator: withheld, denominator: { min: passed, max: Infinity }, complement: UNKNOWN }[quantity];
    case 'DENOMINATOR_BELOW_THRESHOLD':
      return withheld;
    case 'COMPLEMENT_BELOW_THRESHOLD':
      return quantity === 'complement' ? { min: 0, max: widestComplement(threshold) } : { min: passed, max: Infinity };
    case 'SECONDARY':
      return { min: threshold, max: Infinity };
    default:
      return UNKNOWN;
  }
}

/**
 * The largest true complement behind a published share whose published complement is below T:
 * the widest true group minus the narrowest true part over every published pair (from the
 * threshold up, where the table's rows stop changing shape).
 */
function widestComplement(threshold: number): number {
  let widest = 0;
  for (let part = threshold; part <= threshold + 4 * MAX_NOISE; part += 1) {
    for (let whole = part; whole < part + threshold; whole += 1) {
      widest = Math.max(widest, possibleTrueCounts(whole, threshold).max - possibleTrueCounts(part, threshold).min);
    }
  }
  return widest;
}

function exactKnowledge(measure: MeasureJson, quantity: Quantity, threshold: number): Bounds {
  const few: Bounds = { min: 0, max: threshold - 1 };
  const enough: Bounds = { min: threshold, max: Infinity };
  if (!measure.suppressed) {
    const { numerator, denominator } = measure;
    if (quantity === 'numerator') return numerator === null ? UNKNOWN : exactly(numerator);
    if (denominator === null || numerator === null) return UNKNOWN;
    return exactly(quantity === 'denominator' ? denominator : denominator - numerator);
  }
  switch (measure.suppressionReason) {
    case 'BELOW_THRESHOLD':
      return { numerator: few, denominator: enough, complement: UNKNOWN }[quantity];
    case 'DENOMINATOR_BELOW_THRESHOLD':
      return few;
    case 'COMPLEMENT_BELOW_THRESHOLD':
      return quantity === 'complement' ? few : enough;
    case 'SECONDARY':
      return enough;
    default:
      return UNKNOWN;
  }
}

// ---------------------------------------------------------------------------------------------
// The adversary's model: families of cells, units that split into leaves, parts, periods.

/** How published units (areas, clubs, programmes, schools) split into disjoint leaves. */
export interface UnitTree {
  leavesOf(unit: string): readonly string[];
  /** Every unit and every leaf that is no unit (district minus its estates): the nodes targeted. */
  readonly nodes: readonly string[];
}

/** Units that are their own leaves (clubs, programmes, estates of a cohort kind). */
export function flatTree(units: readonly string[]): UnitTree {
  return { leavesOf: (unit) => [unit], nodes: units };
}

/** Units that are unions of given leaves (an area's schools); each leaf is a node too. */
export function groupTree(groups: Readonly<Record<string, readonly string[]>>): UnitTree {
  const leaves = [...new Set(Object.values(groups).flat())];
  return {
    leavesOf: (unit) => groups[unit] ?? [unit],
    nodes: [...new Set([...Object.keys(groups), ...leaves])],
  };
}

/** The leaf of an area's residents who live in none of its children (a district outside its estates). */
export const rest = (code: string) => `${code}−children`;

/**
 * The register's areas: an estate lies in a district, a district in the municipality. The
 * municipality is exactly its districts (every residence names a district); an area in between (a
 * district) also has residents in none of its children (the estate of a residence is optional).
 */
export function areaTree(areas: readonly { code: string; parent: string | null }[]): UnitTree {
  const leavesOf = (code: string): string[] => {
    const below = areas.filter((a) => a.parent === code).map((a) => a.code);
    if (below.length === 0) return [code];
    const top = areas.find((a) => a.code === code)?.parent === null;
    return [...below.flatMap(leavesOf), ...(top ? [] : [rest(code)])];
  };
  const leaves = new Map(areas.map((a) => [a.code, leavesOf(a.code)]));
  const rests = [...new Set([...leaves.values()].flat())].filter((leaf) => !leaves.has(leaf));
  return { leavesOf: (unit) => leaves.get(unit) ?? [unit], nodes: [...leaves.keys(), ...rests] };
}

/** The month end after `date` (a month end): stocks' adjacent reference dates. */
export function nextMonthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return month === 12 ? lastDayOfMonth(year + 1, 1) : lastDayOfMonth(year, month + 1);
}

/** The same day a year later: cohorts' adjacent reference dates (1 January), a register's years. */
export function nextYear(period: string): string {
  return `${Number(period.slice(0, 4)) + 1}${period.slice(4)}`;
}

/** Age bands and the disjoint bands they are made of. */
export const AGE_PARTS: Readonly<Record<string, readonly string[]>> = AGE_BAND_COMPONENTS;

/** A kind of true count: one cell per leaf × disjoint part × period. */
export interface Family {
  name: string;
  tree: UnitTree;
  /** Each published "band" as its disjoint parts (age bands; years of all-years placements). */
  parts: Readonly<Record<string, readonly string[]>>;
  /** The period a date's figure counts in: the date, or the year for a register that only ages. */
  period(date: string): string;
  /** The next period after `period`, whose change from it is a target; null: no changes. */
  next(period: string): string | null;
}

/** Σ coefficient × true count, over named cells. */
export type Terms = ReadonlyMap<string, number>;

/** What one figure, or one identity, says: bounds on a sum of cells. */
export interface Fact {
  terms: Terms;
  bounds: Bounds;
  source: string;
}

export interface Target {
  kind: string;
  label: string;
  /** Where the target lies, when it is a node of a family (for checking it against the truth). */
  node?: { family: string; unit: string; band: string; period: string; next?: string };
  terms: Terms;
  /** A change between adjacent periods: revealing when it is ±1 to ±(T−1). */
  change: boolean;
}

function combine(...parts: [Iterable<string>, number][]): Terms {
  const terms = new Map<string, number>();
  for (const [cells, sign] of parts) for (const cell of cells) terms.set(cell, (terms.get(cell) ?? 0) + sign);
  for (const [cell, coefficient] of terms) if (coefficient === 0) terms.delete(cell);
  return terms;
}

function cells(family: Family, unit: string, band: string, period: string): string[] {
  const parts = family.parts[band];
  if (!parts) throw new Error(`${family.name} has no part "${band}".`);
  return family.tree.leavesOf(unit).flatMap((leaf) => parts.map((part) => `${family.name}|${leaf}|${part}|${period}`));
}

/**
 * The adversary's knowledge base: every figure asked, as facts on cells of families. A share
 * names two families, its numerator's and its group's; cells of one family shared by several
 * fields are the identities "the same persons" (a cohort of the register and the register's
 * population of that year).
 */
export class Census {
  readonly facts: Fact[] = [];
  /** Measures recorded. */
  figures = 0;
  private readonly periods = new Map<Family, Set<string>>();
  private readonly groups = new Map<Family, Family>();
  private readonly within = new Set<string>();

  constructor(private readonly threshold = DISCLOSURE_THRESHOLD) {}

  /** A count of persons (a mean's respondents): bounds on the sum of its cells. */
  count(family: Family, unit: string, band: string, date: string, measure: MeasureJson, source: string): void {
    this.figures += 1;
    const period = this.seen(family, date);
    this.fact(combine([cells(family, unit, band, period), 1]), knowledge(measure, 'numerator', this.threshold), source);
  }

  /** A share: its numerator's cells (`family`) are among its group's (`group`), cell by cell. */
  share(family: Family, group: Family, unit: string, band: string, date: string, measure: MeasureJson, source: string): void {
    const numerator = cells(family, unit, band, this.seen(family, date));
    const denominator = cells(group, unit, band, this.seen(group, date));
    if (numerator.length !== denominator.length) throw new Error(`${family.name} and ${group.name} split "${unit}" differently.`);
    this.figures += 1;
    this.groups.set(family, group);
    this.fact(combine([numerator, 1]), knowledge(measure, 'numerator', this.threshold), source);
    this.fact(combine([denominator, 1]), knowledge(measure, 'denominator', this.threshold), source);
    this.fact(combine([denominator, 1], [numerator, -1]), knowledge(measure, 'complement', this.threshold), source);
    numerator.forEach((cell, i) => {
      if (this.within.has(cell)) return;
      this.within.add(cell);
      this.facts.push({
        terms: combine([[cell], 1], [[denominator[i]], -1]),
        bounds: { min: -Infinity, max: 0 },
        source: 'numerator ≤ group',
      });
    });
  }

  /**
   * Every cell, node and change of every period a family was asked on; complements of shares too.
   * Each once: a complement's change within a year of a register is its numerator's, negated.
   */
  *targets(): Generator<Target> {
    const yielded = new Set<string>();
    for (const target of this.allTargets()) {
      const entries = [...target.terms].sort(([a], [b]) => (a < b ? -1 : 1));
      const sign = entries.length > 0 && entries[0][1] < 0 ? -1 : 1;
      const key = entries.map(([cell, c]) => `${cell}:${sign * c}`).join(' ');
      if (entries.length === 0 || yielded.has(key)) continue;
      yielded.add(key);
      yield target;
    }
  }

  private *allTargets(): Generator<Target> {
    for (const [family, periods] of this.periods) {
      const group = this.groups.get(family);
      for (const period of periods) {
        for (const node of family.tree.nodes) {
          for (const band of Object.keys(family.parts)) {
            yield* this.targetsOf(family, group, node, band, period, periods);
          }
        }
      }
    }
  }

  private *targetsOf(
    family: Family,
    group: Family | undefined,
    node: string,
    band: string,
    period: string,
    periods: Set<string>,
  ): Generator<Target> {
    const at = (p: string) => cells(family, node, band, p);
    const notAt = (p: string) => (group ? cells(group, node, band, group.period(p)) : []);
    const label = `${family.name} ${node} ${band}`;
    const where = { family: family.name, unit: node, band, period };
    yield { kind: family.name, label: `${label} ${period}`, node: where, terms: combine([at(period), 1]), change: false };
    if (group) {
      yield {
        kind: `${family.name} complement`,
        label: `${label} ${period} (complement)`,
        terms: combine([notAt(period), 1], [at(period), -1]),
        change: false,
      };
    }
    const next = family.next(period);
    if (next === null || !periods.has(next)) return;
    yield {
      kind: `${family.name} change`,
      label: `${label} ${period}→${next}`,
      node: { ...where, next },
      terms: combine([at(next), 1], [at(period), -1]),
      change: true,
    };
    if (group) {
      yield {
        kind: `${family.name} complement change`,
        label: `${label} ${period}→${next} (complement)`,
        terms: combine([notAt(next), 1], [at(next), -1], [notAt(period), -1], [at(period), 1]),
        change: true,
      };
    }
  }

  private seen(family: Family, date: string): string {
    const period = family.period(date);
    if (!this.periods.has(family)) this.periods.set(family, new Set());
    this.periods.get(family)!.add(period);
    return period;
  }

  private fact(terms: Terms, bounds: Bounds, source: string): void {
    // "0 or more" is every count's lot: no fact.
    if (bounds.min <= 0 && bounds.max === Infinity && [...terms.values()].every((c) => c > 0)) return;
    this.facts.push({ terms, bounds, source });
  }
}

// ---------------------------------------------------------------------------------------------
// The solver: interval propagation to a fixpoint, then linear programs on what it leaves open.

export interface Determined {
  target: Target;
  value: number;
  /** Some of the figures that pin it down. */
  sources: string[];
}

export interface Outcome {
  cells: number;
  facts: number;
  /** Facts on two cells or more: the additive identities (a figure is the sum of its parts). */
  identities: number;
  targets: number;
  /** Determined targets whose value would single out 1 to T−1 persons. */
  revealed: Determined[];
  byPropagation: number;
  byLinearProgram: number;
  linearPrograms: number;
}

/** Published figures contradict the adversary's identities: the model, not the hub, is wrong. */
export class Inconsistent extends Error {}

const EPSILON = 1e-6;

interface Row {
  columns: Int32Array;
  coefficients: Float64Array;
  min: number;
  max: number;
  source: string;
}

/** The facts as sparse rows over indexed cells, with each cell's bounds. */
class System {
  readonly index = new Map<string, number>();
  readonly rows: Row[] = [];
  readonly rowsOf: number[][] = [];
  lower!: Float64Array;
  upper!: Float64Array;

  constructor(facts: readonly Fact[]) {
    for (const fact of facts) {
      const entries = [...fact.terms];
      const columns = Int32Array.from(entries, ([cell]) => this.column(cell));
      entries.forEach((_, k) => this.rowsOf[columns[k]].push(this.rows.length));
      this.rows.push({
        columns,
        coefficients: Float64Array.from(entries, ([, c]) => c),
        min: fact.bounds.min,
        max: fact.bounds.max,
        source: fact.source,
      });
    }
    this.lower = new Float64Array(this.index.size);
    this.upper = new Float64Array(this.index.size).fill(Infinity);
  }

  private column(cell: string): number {
    let j = this.index.get(cell);
    if (j === undefined) {
      j = this.index.size;
      this.index.set(cell, j);
      this.rowsOf.push([]);
    }
    return j;
  }

  /**
   * Bounds of each cell from each row's bounds and the others' cells, rounded to whole persons,
   * until nothing tightens (or a generous budget is spent: the bounds are sound at any point).
   */
  propagate(): void {
    const queued = new Uint8Array(this.rows.length).fill(1);
    const queue = this.rows.map((_, r) => r);
    const budget = 50 * this.rows.length + 100_000;
    for (let head = 0; head < queue.length && head < budget; head++) {
      const r = queue[head];
      queued[r] = 0;
      for (const j of this.tighten(this.rows[r])) {
        for (const other of this.rowsOf[j]) {
          if (!queued[other]) {
            queued[other] = 1;
            queue.push(other);
          }
        }
      }
    }
  }

  /** One row's bounds on each of its cells; returns the cells it tightened. */
  private tighten(row: Row): number[] {
    const { lower, upper } = this;
    const low = (k: number) =>
      row.coefficients[k] > 0 ? row.coefficients[k] * lower[row.columns[k]] : row.coefficients[k] * upper[row.columns[k]];
    const high = (k: number) =>
      row.coefficients[k] > 0 ? row.coefficients[k] * upper[row.columns[k]] : row.coefficients[k] * lower[row.columns[k]];
    let lowSum = 0;
    let highSum = 0;
    let lowInfinite = 0;
    let highInfinite = 0;
    for (let k = 0; k < row.columns.length; k++) {
      const [l, h] = [low(k), high(k)];
      if (Number.isFinite(l)) lowSum += l;
      else lowInfinite += 1;
      if (Number.isFinite(h)) highSum += h;
      else highInfinite += 1;
    }
    if ((lowInfinite === 0 && lowSum > row.max + EPSILON) || (highInfinite === 0 && highSum < row.min - EPSILON)) {
      throw new Inconsistent(`No counts satisfy "${row.source}" with the other figures.`);
    }
    const tightened: number[] = [];
    for (let k = 0; k < row.columns.length; k++) {
      const [l, h, a, j] = [low(k), high(k), row.coefficients[k], row.columns[k]];
      // a·x ≥ min − (the others at their highest); a·x ≤ max − (the others at their lowest).
      const othersHigh = highInfinite - (Number.isFinite(h) ? 0 : 1) === 0 ? highSum - (Number.isFinite(h) ? h : 0) : Infinity;
      const othersLow = lowInfinite - (Number.isFinite(l) ? 0 : 1) === 0 ? lowSum - (Number.isFinite(l) ? l : 0) : -Infinity;
      const [from, to] = [(row.min - othersHigh) / a, (row.max - othersLow) / a];
      const [atLeast, atMost] = a > 0 ? [from, to] : [to, from];
      let changed = false;
      if (Number.isFinite(atLeast) && Math.ceil(atLeast - EPSILON) > lower[j]) {
        lower[j] = Math.ceil(atLeast - EPSILON);
        changed = true;
      }
      if (Number.isFinite(atMost) && Math.floor(atMost + EPSILON) < upper[j]) {
        upper[j] = Math.floor(atMost + EPSILON);
        changed = true;
      }
      if (lower[j] > upper[j]) throw new Inconsistent(`No counts satisfy "${row.source}" with the other figures.`);
      if (changed) tightened.push(j);
    }
    return tightened;
  }

  fixed(j: number): boolean {
    return this.lower[j] === this.upper[j];
  }

  /** Connected groups of open cells: cells sharing a row, once fixed cells are taken out. */
  components(): Int32Array {
    const parent = Int32Array.from(this.lower, (_, j) => j);
    const find = (j: number): number => {
      while (parent[j] !== j) j = parent[j] = parent[parent[j]];
      return j;
    };
    for (const row of this.rows) {
      const open = [...row.columns].filter((j) => !this.fixed(j));
      for (const j of open.slice(1)) parent[find(j)] = find(open[0]);
    }
    return parent.map((_, j) => find(j));
  }
}

/** Whether a determined value singles out 1 to T−1 persons (or a change of that many). */
function revealing(value: number, change: boolean, threshold = DISCLOSURE_THRESHOLD): boolean {
  const size = change ? Math.abs(value) : value;
  return size >= 1 && size < threshold;
}

/** Whether [min, max] holds a revealing value. */
function mayReveal(min: number, max: number, change: boolean, threshold: number): boolean {
  const t = threshold - 1;
  const meets = (from: number, to: number) => min <= to && max >= from;
  return meets(1, t) || (change && meets(-t, -1));
}

/** A seeded generator (mulberry32), so that the sample objectives, and so a run, are the same every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SAMPLES = 4;

/** Feasible points kept per component to tell parts apart without a solve of their own. */
const POINTS = 256;

/**
 * One component's linear program, loaded once: open cells as columns, its rows with the fixed
 * cells moved into the bounds. A few points of it (optima of random objectives) settle most parts
 * at once: a part with two values among them is not determined. The rest get a min and a max.
 */
class ComponentProgram {
  private readonly model: Model;
  private readonly columnOf = new Map<number, number>();
  private samples: Float64Array[] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    system: System,
    members: readonly number[],
  ) {
    members.forEach((j, c) => this.columnOf.set(j, c));
    const rows = [...new Set(members.flatMap((j) => system.rowsOf[j]))].map((r) => system.rows[r]);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const [rowLower, rowUpper] = [[] as number[], [] as number[]];
    for (const row of rows) {
      let shift = 0;
      row.columns.forEach((j, k) => {
        if (this.columnOf.has(j)) {
          indices.push(this.columnOf.get(j)!);
          values.push(row.coefficients[k]);
        } else shift += row.coefficients[k] * system.lower[j];
      });
      starts.push(indices.length);
      rowLower.push(Number.isFinite(row.min) ? row.min - shift : -highs.infinity);
      rowUpper.push(Number.isFinite(row.max) ? row.max - shift : highs.infinity);
    }
    const bound = (value: number) => (Number.isFinite(value) ? value : highs.infinity);
    this.model = highs.createModel({
      numCols: members.length,
      numRows: rows.length,
      colCost: new Float64Array(members.length),
      colLower: Float64Array.from(members, (j) => system.lower[j]),
      colUpper: Float64Array.from(members, (j) => bound(system.upper[j])),
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows: rows.length, numCols: members.length, starts, indices, values },
    });
    this.model.options.set({ output_flag: false });
    const next = random(members.length + rows.length);
    // Positive costs: every cell is at least 0, so each sample has an optimum.
    for (let s = 0; s < SAMPLES; s++) {
      this.optimum(
        Float64Array.from(members, () => 0.1 + next()),
        'minimize',
      );
      if (this.model.getModelStatus() !== highs.constants.modelStatus.optimal) {
        throw new Inconsistent('The published figures admit no counts at all.');
      }
      this.samples.push(Float64Array.from(this.model.getSolution().colValue));
    }
  }

  /**
   * The part's range over the program, or null when feasible points already differ on it. Every
   * optimum found joins the points, so each solve helps settle the parts that follow: with noisy
   * figures most parts differ between two vertices of the program, and need no solve of their own.
   */
  range(part: ReadonlyMap<number, number>): Bounds | null {
    const at = (point: Float64Array) => [...part].reduce((sum, [j, a]) => sum + a * point[this.columnOf.get(j)!], 0);
    const first = at(this.samples[0]);
    const differs = () => this.samples.some((point) => Math.abs(at(point) - first) > EPSILON);
    if (differs()) return null;
    const costs = new Float64Array(this.columnOf.size);
    for (const [j, a] of part) costs[this.columnOf.get(j)!] = a;
    const min = this.optimum(costs, 'minimize');
    this.remember(min);
    if (differs()) return null;
    const max = this.optimum(costs, 'maximize');
    this.remember(max);
    return { min: Math.ceil(min - EPSILON), max: Math.floor(max + EPSILON) };
  }

  /** Keeps the last optimum's point (a bounded optimum only), the oldest out beyond POINTS. */
  private remember(optimum: number): void {
    if (!Number.isFinite(optimum)) return;
    this.samples.push(Float64Array.from(this.model.getSolution().colValue));
    if (this.samples.length > POINTS) this.samples.splice(1, 1);
  }

  private optimum(costs: Float64Array, sense: 'minimize' | 'maximize'): number {
    const { constants } = this.highs;
    this.model.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    this.model.changeObjectiveSense(constants.objectiveSense[sense]);
    const { modelStatus } = this.model.run();
    this.solves += 1;
    // The samples found the program feasible: "unbounded or infeasible" can only be unbounded.
    const unbounded = [constants.modelStatus.unbounded, constants.modelStatus.unboundedOrInfeasible] as number[];
    if (unbounded.includes(modelStatus)) return sense === 'minimize' ? -Infinity : Infinity;
    if (modelStatus === constants.modelStatus.infeasible) throw new Inconsistent('The published figures admit no counts at all.');
    if (modelStatus !== constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${modelStatus}.`);
    return this.model.getObjectiveValue();
  }

  dispose(): void {
    this.model.dispose();
  }
}

let loaded: Promise<Highs> | undefined;

/**
 * For every target, whether the facts determine it, and its value: propagation first (sound, and
 * exact on hierarchies), then, for the targets it leaves open whose range still holds a revealing
 * value, the LP relaxation of their component (min = max after rounding). Integer solutions can
 * be fewer than the relaxation's, so this may miss a determined target, never invent one.
 */
export async function determine(
  facts: readonly Fact[],
  targets: Iterable<Target>,
  threshold = DISCLOSURE_THRESHOLD,
): Promise<Outcome> {
  const system = new System(facts);
  system.propagate();
  const component = system.components();
  const members = new Map<number, number[]>();
  component.forEach((root, j) => {
    if (!system.fixed(j)) (members.get(root) ?? members.set(root, []).get(root)!).push(j);
  });
  const highs = await (loaded ??= highsLoader());
  const programs = new Map<number, ComponentProgram>();
  const ranges = new Map<string, Bounds | null>();
  const outcome: Outcome = {
    cells: system.index.size,
    facts: facts.length,
    identities: facts.filter((fact) => fact.terms.size > 1).length,
    targets: 0,
    revealed: [],
    byPropagation: 0,
    byLinearProgram: 0,
    linearPrograms: 0,
  };

  /** The part's range in its component (cached: nodes recur in cells, complements and changes). */
  const partRange = (root: number, part: Map<number, number>): Bounds | null => {
    const key = `${root}:${[...part].sort((x, y) => x[0] - y[0]).join(';')}`;
    if (!ranges.has(key)) {
      let program = programs.get(root);
      if (!program) programs.set(root, (program = new ComponentProgram(highs, system, members.get(root)!)));
      ranges.set(key, program.range(part));
    }
    return ranges.get(key)!;
  };

  try {
    for (const target of targets) {
      outcome.targets += 1;
      const columns = [...target.terms].map(([cell, a]) => [system.index.get(cell), a] as const);
      // A cell no figure touches can be anything.
      if (columns.some(([j]) => j === undefined)) continue;
      let [min, max] = [0, 0];
      const parts = new Map<number, Map<number, number>>();
      for (const [j, a] of columns as [number, number][]) {
        min += a > 0 ? a * system.lower[j] : a * system.upper[j];
        max += a > 0 ? a * system.upper[j] : a * system.lower[j];
        if (!system.fixed(j)) (parts.get(component[j]) ?? parts.set(component[j], new Map()).get(component[j])!).set(j, a);
      }
      if (min === max) {
        outcome.byPropagation += 1;
        if (revealing(min, target.change, threshold)) outcome.revealed.push(explain(system, target, min));
        continue;
      }
      if (!mayReveal(min, max, target.change, threshold)) continue;
      // Components share no cell, so the target's range is the sum of its parts' ranges.
      let value = columns.reduce((sum, [j, a]) => (system.fixed(j!) ? sum + a * system.lower[j!] : sum), 0);
      let determined = true;
      for (const [root, part] of parts) {
        const range = partRange(root, part);
        if (!range || range.min !== range.max) {
          determined = false;
          break;
        }
        value += range.min;
      }
      if (!determined) continue;
      outcome.byLinearProgram += 1;
      if (revealing(value, target.change, threshold)) outcome.revealed.push(explain(system, target, value));
    }
  } finally {
    for (const program of programs.values()) {
      outcome.linearPrograms += program.solves;
      program.dispose();
    }
  }
  return outcome;
}

/**
 * The target with the figures that give it away: for its added cells and for its subtracted ones
 * (a change), the bounded figure closest to them (the most of its cells theirs, then the largest),
 * then the figures on that figure's other cells, which a difference takes off.
 */
function explain(system: System, target: Target, value: number): Determined {
  const columns = [...target.terms].map(([cell, a]) => [system.index.get(cell)!, a] as const);
  const mine = new Set(columns.map(([j]) => j));
  const bounded = (r: number) => Number.isFinite(system.rows[r].min) && Number.isFinite(system.rows[r].max);
  const share = (r: number, of: Set<number>) =>
    [...system.rows[r].columns].filter((j) => of.has(j)).length / system.rows[r].columns.length;
  const size = (r: number) => system.rows[r].columns.length;
  const closest = (of: Set<number>) =>
    [...new Set([...of].flatMap((j) => system.rowsOf[j]))]
      .filter(bounded)
      .sort((a, b) => share(b, of) - share(a, of) || size(b) - size(a));
  const picks = [1, -1]
    .map((sign) => new Set(columns.filter(([, a]) => Math.sign(a) === sign).map(([j]) => j)))
    .filter((of) => of.size > 0)
    .map((of) => closest(of)[0])
    .filter((r) => r !== undefined);
  const others = new Set(picks.length > 0 ? [...system.rows[picks[0]].columns].filter((j) => !mine.has(j)) : []);
  const subtracted = others.size > 0 ? closest(others).filter((r) => share(r, others) === 1) : [];
  const sources = [...picks, ...subtracted].map((r) => system.rows[r].source);
  return { target, value, sources: [...new Set(sources)].slice(0, 3) };
}
