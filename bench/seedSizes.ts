// How cost grows with the data: the cross-partner flagship query through the hub's gateway (one
// worker) at several seed sizes, one request at a time.
import { startHub, type ContenderSetup } from './contenders';
import { ms, table } from './report';
import { sequentialCost, type SequentialCost } from './sequential';
import { startSubgraphs, type BenchSubgraphs } from './subgraphs';

const SAMPLES = 30;

async function costAt(setup: ContenderSetup, query: string): Promise<SequentialCost> {
  const hub = await startHub({ ...setup, workers: 1 });
  try {
    return await sequentialCost(hub, setup.subgraphs, query, SAMPLES);
  } finally {
    await hub.process.stop();
  }
}

/**
 * Runs the query at each size; the main run's subgraphs are reused for their own size, other
 * sizes get five fresh subgraph processes, stopped afterwards.
 */
export async function seedSizeTable(setup: ContenderSetup, query: string, sizes: number[], gatewayPublicKeyPem: string): Promise<string> {
  const rows: string[][] = [];
  for (const persons of sizes) {
    const reuse = persons === setup.subgraphs.persons;
    const subgraphs: BenchSubgraphs = reuse ? setup.subgraphs : await startSubgraphs(persons, gatewayPublicKeyPem);
    try {
      const cost = await costAt({ ...setup, subgraphs }, query);
      rows.push([
        persons.toLocaleString('en-US'),
        subgraphs.startSeconds.toFixed(1),
        ms(cost.mean),
        ms(cost.p95),
        cost.sqlPerRequest.toFixed(1),
        cost.kbPerRequest.toFixed(1),
        cost.failed,
      ]);
    } finally {
      if (!reuse) await subgraphs.stop();
    }
  }
  return table(
    ['persons', 'seed + start s', 'mean ms', 'p95 ms', 'SQL statements / request', 'KB gateway↔subgraphs / request', 'failed'],
    rows,
  );
}
