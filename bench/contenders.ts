// The three contenders, each a process tree on loopback with the same number of workers, in
// front of the same subgraph processes: the floor, the hub's gateway and Hive Gateway.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNERS } from '@hub/core';
import type { FloorSetup } from './floorServer';
import { freePort, launchNode, type BenchProcess } from './processes';
import type { BenchSubgraphs } from './subgraphs';

export type ContenderName = 'floor' | 'hub' | 'hive' | 'hiveRust';

export interface Contender {
  name: ContenderName;
  url: string;
  /** What a client of this contender sends besides the query. */
  headers: Record<string, string>;
  process: BenchProcess;
}

export interface ContenderSetup {
  subgraphs: BenchSubgraphs;
  workers: number;
  /** A folder for the run's files. */
  dir: string;
  gatewayEnv: Record<string, string>;
  callerToken: string;
  internalToken: string;
}

const HIVE_BIN = path.join(path.dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist/bin.js');

/**
 * The hub's gateway as `npm start` runs it, with HUB_GATEWAY_WORKERS workers; `patient: false`
 * keeps its default partner timeout (3 s), as for the dashboard viewers.
 */
export async function startHub(setup: ContenderSetup, nodeOptions: string[] = [], { patient = true } = {}): Promise<Contender> {
  const port = await freePort();
  const urls = Object.fromEntries(PARTNERS.map((p) => [`${p.envPrefix}_URL`, setup.subgraphs.urls[p.name]]));
  // Neither the floor nor Hive gives up on a slow partner: with the hub's 3 s default, 50 clients
  // queueing on single-session PGlite subgraphs would measure the timeout, not the gateway.
  const patience = patient ? Object.fromEntries(PARTNERS.map((p) => [`${p.envPrefix}_TIMEOUT_MS`, '60000'])) : {};
  const hub = launchNode('hub', [...nodeOptions, 'gateway/dist/server.js'], {
    ...setup.gatewayEnv,
    ...urls,
    ...patience,
    GATEWAY_PORT: String(port),
    HUB_HOST: '127.0.0.1',
    HUB_GATEWAY_WORKERS: String(setup.workers),
  });
  await hub.waitFor(/gateway ready at/, setup.workers);
  return { name: 'hub', url: `http://127.0.0.1:${port}/graphql`, headers: { authorization: `Bearer ${setup.callerToken}` }, process: hub };
}

/**
 * Hive Gateway over the checked-in supergraph, with as many workers (`--fork`); with `rust`, on
 * Hive Router's runtime (`@graphql-hive/router-runtime`: the Rust query planner and its executor).
 */
export async function startHive(setup: ContenderSetup, { rust = false } = {}): Promise<Contender> {
  const port = await freePort();
  const hive = launchNode(
    rust ? 'hive-rust' : 'hive',
    [HIVE_BIN, 'supergraph', 'schema/supergraph.graphql', '--config-path', path.join(__dirname, 'hiveGateway.config.js'),
      '--host', '127.0.0.1', '--port', String(port), '--fork', String(setup.workers), ...(rust ? ['--hive-router-runtime'] : [])],
    { HUB_BENCH_SUBGRAPH_URLS: JSON.stringify(setup.subgraphs.urls) },
  );
  await hive.waitFor(/Listening on|Serving/i, setup.workers);
  return {
    name: rust ? 'hiveRust' : 'hive',
    url: `http://127.0.0.1:${port}/graphql`,
    headers: { authorization: `Bearer ${setup.internalToken}` },
    process: hive,
  };
}

/** The floor server replaying the flagship plan's fetches (bench/floorServer.ts). */
export async function startFloor(setup: ContenderSetup, floor: Pick<FloorSetup, 'plan' | 'answer'>): Promise<Contender> {
  const port = await freePort();
  const file = path.join(setup.dir, 'floor.json');
  const floorSetup: FloorSetup = { ...floor, urls: setup.subgraphs.urls, internalToken: setup.internalToken, port, workers: setup.workers };
  writeFileSync(file, JSON.stringify(floorSetup));
  const server = launchNode('floor', [path.join(__dirname, 'floorServer.js')], { HUB_BENCH_FLOOR_SETUP: file });
  await server.waitFor(/floor ready at/, setup.workers);
  return { name: 'floor', url: `http://127.0.0.1:${port}/graphql`, headers: {}, process: server };
}
