// How cost grows with the data: the cross-partner flagship query through the hub's gateway (one
// worker) at several seed sizes and on both databases, one request at a time: warm (the partners'
// data unchanged, so the gateway gives its kept answers once each partner confirmed its version)
// and after a write to every partner's data (as an import leaves it: everything computed anew).
import { startHub, type ContenderSetup } from './contenders';
import { ms, table } from './report';
import { sequentialCost } from './sequential';
import { startSubgraphs, type BenchDatabase, type BenchSubgraphs } from './subgraphs';

const SAMPLES = 30;
const SAMPLES_AFTER_A_WRITE = 10;

export interface SeedSize {
  persons: number;
  database: BenchDatabase;
}

async function rowAt(setup: ContenderSetup, query: string, size: SeedSize): Promise<string[]> {
  const hub = await startHub({ ...setup, workers: 1 });
  try {
    const warm = await sequentialCost(hub, setup.subgraphs, query, SAMPLES);
    const cold = await sequentialCost(hub, setup.subgraphs, query, SAMPLES_AFTER_A_WRITE, () => setup.subgraphs.write());
    return [
      size.persons.toLocaleString('en-US'),
      size.database === 'pglite' ? 'PGlite' : 'PostgreSQL',
      setup.subgraphs.startSeconds.toFixed(1),
      ms(warm.p50),
      ms(warm.p95),
      warm.sqlPerRequest.toFixed(1),
      ms(cold.p50),
      ms(cold.max),
      cold.sqlPerRequest.toFixed(1),
      cold.kbPerRequest.toFixed(1),
      warm.failed === '0' && cold.failed === '0' ? '0' : `${warm.failed} + ${cold.failed}`,
    ];
  } finally {
    await hub.process.stop();
  }
}

/**
 * Runs the query at each size; the main run's subgraphs are reused for their own size, other
 * sizes get five fresh subgraph processes, stopped afterwards.
 */
export async function seedSizeTable(setup: ContenderSetup, query: string, sizes: SeedSize[], gatewayPublicKeyPem: string): Promise<string> {
  const rows: string[][] = [];
  for (const size of sizes) {
    const reuse = size.persons === setup.subgraphs.persons && size.database === 'pglite';
    const subgraphs: BenchSubgraphs = reuse ? setup.subgraphs : await startSubgraphs(size.persons, gatewayPublicKeyPem, size.database);
    try {
      rows.push(await rowAt({ ...setup, subgraphs }, query, size));
      process.stderr.write(`  measured ${size.persons} persons on ${size.database}\n`);
    } finally {
      if (!reuse) await subgraphs.stop();
    }
  }
  return table(
    [
      'persons',
      'database',
      'seed + start s',
      'warm p50 ms',
      'warm p95 ms',
      'SQL / warm request',
      'after a write: p50 ms',
      'after a write: max ms',
      'SQL / request after a write',
      'KB gateway↔subgraphs / request after a write',
      'failed',
    ],
    rows,
  );
}
