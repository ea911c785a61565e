import seedrandom from 'seedrandom';

/**
 * A seeded random source. The generator never uses the platform's unseeded generator: every
 * draw comes from one of these, so the same seed always gives the same world.
 */
export class Random {
  private readonly prng: seedrandom.PRNG;

  constructor(seed: string) {
    // Alea is seedrandom's fastest generator; the 100,000-person world makes tens of millions of
    // draws, and its quality is ample for synthetic data.
    this.prng = seedrandom.alea(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.prng() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.prng() * (max - min);
  }

  chance(probability: number): boolean {
    return this.prng() < probability;
  }

  /** Exponentially distributed with the given mean: memoryless waiting times. */
  exponential(mean: number): number {
    return -Math.log(1 - this.prng()) * mean;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: expected a non-empty list, got an empty one');
    return items[Math.floor(this.prng() * items.length)] as T;
  }

  /** Picks an item with probability proportional to `weightOf(item)`. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    let target = this.prng() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    // Only reached through floating-point rounding on the last item.
    return items[items.length - 1] as T;
  }

  /** Fisher-Yates shuffle into a new array. */
  shuffled<T>(items: readonly T[]): T[] {
    const result = items.slice();
    for (let i = result.length - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      [result[i], result[j]] = [result[j] as T, result[i] as T];
    }
    return result;
  }
}

/**
 * One independent stream per part of the world (population, life courses, clubs...), so that
 * changing how one part draws does not reshuffle every other part.
 */
export function createRandom(seed: string, stream: string): Random {
  return new Random(`${seed}/${stream}`);
}
