// `npm run bench`: the hub's gateway side by side with Hive Gateway and with the floor (the
// subgraph fetches alone), in front of the same five subgraph processes, on loopback. Not a
// test: it prints tables for docs/performance.md. Options: bench/options.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { PartnerName } from '@hub/core';
import { EXAMPLES_DIR, SUPERGRAPH_PATH } from '@hub/schema';
import { cohortSection } from './cohort';
import { viewersSections } from './dashboardViewers';
import { heavyRequestsSection } from './heavyRequests';
import { startFloor, startHive, startHub, type Contender, type ContenderSetup } from './contenders';
import { captureFloor, queryPlanOf, type FloorStep } from './floorPlan';
import { benchIdentity } from './identity';
import { measure, type LoadOptions } from './load';
import { benchOptions, type BenchOptions } from './options';
import { postBody, postQuery } from './postQuery';
import { stopAll } from './processes';
import { profileHub } from './profileHub';
import { loadTable, mb, ratioTable, targets, type ScenarioResult } from './report';
import { seedSizeTable } from './seedSizes';
import { startSubgraphs } from './subgraphs';

/** The subgraphs' mode and the clients' headers per scenario. */
const SCENARIOS = [
  { scenario: 'as they are', delayMs: 0, fromMemory: false, distinctHeader: false },
  { scenario: 'as they are, distinct headers', delayMs: 0, fromMemory: false, distinctHeader: true },
  { scenario: '+50 ms per subgraph request', delayMs: 50, fromMemory: false, distinctHeader: false },
  { scenario: '+50 ms, distinct headers', delayMs: 50, fromMemory: false, distinctHeader: true },
  { scenario: 'answers from memory', delayMs: 0, fromMemory: true, distinctHeader: true },
  { scenario: 'answers from memory +50 ms', delayMs: 50, fromMemory: true, distinctHeader: true },
];

const log = (line = '') => console.log(line);

function machine(options: BenchOptions): string {
  const cpu = cpus();
  return [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${mb(totalmem())} RAM`,
    `Node ${process.versions.node}`,
    `${options.workers} workers per contender, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s each`,
  ].join(', ');
}

/** Every contender gets the same question; the hub's and Hive's answers must carry the same data. */
async function answers(contenders: Contender[], query: string): Promise<Record<string, string>> {
  const bodies: Record<string, string> = {};
  for (const c of contenders) {
    bodies[c.name] = await postQuery(c.url, c.headers, query).catch((error: unknown) => {
      throw new Error(`${c.name}: ${error instanceof Error ? error.message : String(error)}\n${c.process.output()}`);
    });
  }
  const data = (body: string) => JSON.stringify((JSON.parse(body) as { data: unknown }).data);
  for (const hive of ['hive', 'hiveRust'].filter((name) => bodies[name])) {
    if (data(bodies.hub) !== data(bodies[hive])) throw new Error(`hub and ${hive} answer differently:\n${bodies.hub}\n${bodies[hive]}`);
  }
  return bodies;
}

/** Hive logs its error as `message: "..."` among many lines. */
function whyHiveFailed(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /message:\S*\s+"(.+)"/.exec(text)?.[1] ?? text.split('\n')[0];
}

async function floorPlan(setup: ContenderSetup, query: string): Promise<FloorStep> {
  const { plan, pretty } = queryPlanOf(readFileSync(SUPERGRAPH_PATH, 'utf8'), query);
  if (process.env.HUB_BENCH_VERBOSE) log(pretty);
  if (!plan.node || plan.node.kind === 'Subscription') throw new Error('the flagship query has no plan to replay');
  return captureFloor(plan.node, async (subgraph, body) => {
    const headers = { authorization: `Bearer ${setup.internalToken}` };
    return JSON.parse(await postBody(setup.subgraphs.urls[subgraph as PartnerName], headers, body));
  });
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const query = readFileSync(path.join(EXAMPLES_DIR, 'job-line-of-action.graphql'), 'utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
  try {
    log(`# Benchmark: ${machine(options)}`);
    const identity = await benchIdentity(dir);
    const subgraphs = await startSubgraphs(10_000, identity.gatewayPublicKeyPem);
    log(`Five subgraph processes seeded with 10,000 persons (in-memory PGlite) in ${subgraphs.startSeconds.toFixed(1)} s.`);
    const setup: ContenderSetup = { subgraphs, workers: options.workers, dir, ...identity };
    const hub = await startHub(setup);
    const hive = await startHive(setup).catch((error: unknown) => {
      log(`Hive Gateway left out: it could not serve schema/supergraph.graphql (${whyHiveFailed(error)}).`);
      return undefined;
    });
    const hiveRust = await startHive(setup, { rust: true }).catch((error: unknown) => {
      log(`Hive Gateway with the Rust query planner left out: ${whyHiveFailed(error)}.`);
      return undefined;
    });
    const hives = [hive, hiveRust].filter((c): c is Contender => c !== undefined);
    const bodies = await answers([hub, ...hives], query);
    const floor = await startFloor(setup, { plan: await floorPlan(setup, query), answer: bodies.hub });
    if (hives.length > 0) {
      log('The hub and Hive Gateway (each runtime) give the same answer to the flagship query (schema/examples/job-line-of-action.graphql).');
      log('Hive Gateway forwards a pre-minted gateway token; the hub verifies each caller and signs a token per request.');
    }
    log('');
    const contenders = [floor, hub, ...hives];
    const scenarios: ScenarioResult[] = [];
    for (const { scenario, delayMs, fromMemory, distinctHeader } of SCENARIOS) {
      subgraphs.setMode({ delayMs, fromMemory });
      const load: LoadOptions = { ...options, distinctHeader, settle: () => subgraphs.settle() };
      const result: ScenarioResult = { scenario, delayed: delayMs > 0, results: {} };
      for (const c of contenders) {
        const target = { url: c.url, headers: c.headers, body: JSON.stringify({ query }), expectBody: bodies[c.name] ?? bodies.hub, pid: c.process.child.pid ?? 0 };
        result.results[c.name] = await measure(target, load);
        process.stderr.write(`  measured ${scenario}: ${c.name}\n`);
      }
      scenarios.push(result);
    }
    subgraphs.setMode({ delayMs: 0, fromMemory: false });
    log(`## Flagship query, ${options.connections} concurrent connections\n\n${loadTable(scenarios)}\n\n${ratioTable(scenarios)}\n`);
    log(`## Targets\n\n${targets(scenarios, options.workers).map((line) => `- ${line}`).join('\n')}\n`);
    await Promise.all(contenders.map((c) => c.process.stop()));
    log(`## Dashboard viewers\n\n${await viewersSections(setup, options, identity.gatewayPublicKeyPem)}\n`);
    log(`## Heavy requests\n\n${await heavyRequestsSection(setup)}\n`);
    log(`## Cost by seed size and database (hub gateway, one worker, one request at a time)\n\n${await seedSizeTable(setup, query, options.sizes, identity.gatewayPublicKeyPem)}\n`);
    log(`## Cohort\n\n${await cohortSection(setup, options)}\n`);
    if (options.profile) log(`## Profile of the hub gateway under load\n\n${await profileHub(setup, query, options)}\n`);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
