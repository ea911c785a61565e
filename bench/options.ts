// `npm run bench -- [options]`
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

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
  /** Seed sizes for the growth table. */
  sizes: number[];
  /** Also run the hub's gateway under --cpu-prof and summarise where its time goes. */
  profile: boolean;
}

const USAGE = `npm run bench -- [--duration 20] [--connections 50] [--workers N] [--quick] [--profile]
  --duration S      seconds measured per contender and scenario (default 20; --quick 5)
  --connections N   concurrent connections of the load tool (default 50)
  --workers N       worker processes per gateway, the same for every contender (default: cores)
  --quick           short runs (dashboard viewers 10 s instead of 60), seed sizes 1,000 and 10,000 only
  --profile         also profile the hub's gateway under load (--cpu-prof) and list its hot functions`;

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
    sizes: values.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    profile: values.profile,
  };
}
