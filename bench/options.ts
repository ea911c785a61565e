// `npm run bench -- [options]`
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { SeedSize } from './seedSizes';

export interface BenchOptions {
  /** Seconds measured per contender and scenario. */
  duration: number;
  /** Seconds of load thrown away before each measurement. */
  warmup: number;
  connections: number;
  /** Worker processes of each contender (HUB_GATEWAY_WORKERS, Hive's --fork). */
  workers: number;
  /** Seconds each number of dashboard viewers loads the page. */
  viewerSeconds: number;
  /** Seed sizes and databases for the growth table. */
  sizes: SeedSize[];
  /** Seed sizes at which the dashboard viewers are measured (in-memory PGlite). */
  viewerSizes: number[];
  /** Also run the hub's gateway under --cpu-prof and summarise where its time goes. */
  profile: boolean;
}

const USAGE = `npm run bench -- [--duration 20] [--connections 50] [--workers N] [--quick] [--profile]
  --duration S      seconds measured per contender and scenario (default 20; --quick 5)
  --connections N   concurrent connections of the load tool (default 50)
  --workers N       worker processes per gateway, the same for every contender (default: cores)
  --quick           short runs (dashboard viewers 10 s instead of 60, at 10,000 persons only), seed sizes 10,000 only
  --profile         also profile the hub's gateway under load (--cpu-prof) and list its hot functions`;

/** The default seed, Esbjerg's size, Copenhagen's size (PostgreSQL only: PGlite runs in one process). */
const SIZES: SeedSize[] = [
  { persons: 10_000, database: 'pglite' },
  { persons: 120_000, database: 'pglite' },
  { persons: 10_000, database: 'postgresql' },
  { persons: 120_000, database: 'postgresql' },
  { persons: 650_000, database: 'postgresql' },
];
const QUICK_SIZES: SeedSize[] = [
  { persons: 10_000, database: 'pglite' },
  { persons: 10_000, database: 'postgresql' },
];

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} takes a whole number of 1 or more, got "${value}"\n${USAGE}`);
  return parsed;
}

export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      workers: { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    duration: positive(values.duration, 'duration', values.quick ? 5 : 20),
    warmup: values.quick ? 2 : 5,
    viewerSeconds: values.quick ? 10 : 60,
    connections: positive(values.connections, 'connections', 50),
    workers: positive(values.workers, 'workers', availableParallelism()),
    sizes: values.quick ? QUICK_SIZES : SIZES,
    viewerSizes: values.quick ? [10_000] : [10_000, 120_000],
    profile: values.profile,
  };
}
