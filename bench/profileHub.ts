// Where the hub's gateway spends its time under load: a fresh hub gateway under `--cpu-prof`
// (one profile per worker), the flagship query at full load with the subgraphs answering from
// memory (else the profile shows a gateway waiting for them), then the profiles summarised.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startHub, type ContenderSetup } from './contenders';
import { summariseProfiles } from './cpuProfile';
import { measure } from './load';
import type { BenchOptions } from './options';
import { postQuery } from './postQuery';

export async function profileHub(setup: ContenderSetup, query: string, options: BenchOptions): Promise<string> {
  const dir = path.join(setup.dir, 'cpu-profiles');
  mkdirSync(dir, { recursive: true });
  const hub = await startHub(setup, ['--cpu-prof', '--cpu-prof-dir', dir]);
  setup.subgraphs.setMode({ delayMs: 0, fromMemory: true });
  try {
    const expectBody = await postQuery(hub.url, hub.headers, query);
    const body = JSON.stringify({ query });
    const target = { url: hub.url, headers: hub.headers, body, expectBody, pid: hub.process.child.pid ?? 0 };
    const result = await measure(target, { ...options, distinctHeader: false, settle: () => setup.subgraphs.settle() });
    const summary = `${result.requestsPerSecond.toFixed(0)} req/s while profiled (profiling slows it down); start-up is in the profile too.`;
    // The profiles are written when the workers exit.
    await hub.process.stop();
    return `${summary}\n\n${summariseProfiles(dir)}`;
  } finally {
    setup.subgraphs.setMode({ delayMs: 0, fromMemory: false });
    await hub.process.stop();
  }
}
