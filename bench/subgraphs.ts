// The five partner subgraphs as separate processes (bench/subgraphProcess.ts), so that no
// contender shares an event loop with them and every contender meets the same ones.
import { once } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PARTNER_NAMES, type PartnerName } from '@hub/core';
import { Client } from 'pg';
import { launchNode, type BenchProcess } from './processes';
import type { SubgraphCommand, SubgraphReport, SubgraphStats } from './subgraphProcess';

export interface SubgraphMode {
  delayMs: number;
  /** Each distinct request answered once by the subgraph, then from memory (bench/replay.ts). */
  fromMemory: boolean;
}

export interface BenchSubgraphs {
  persons: number;
  /** Seconds the five took to seed and start, side by side. */
  startSeconds: number;
  urls: Record<PartnerName, string>;
  /** From now on: `delayMs` added to every request, and answers from memory or not. */
  setMode(mode: SubgraphMode): void;
  /** SQL statements and bytes so far, summed over the five subgraphs. */
  stats(): Promise<SubgraphStats>;
  /** A write to every partner's data, as an import makes: the next answers are computed anew. */
  write(): Promise<void>;
  /** Resolves once no subgraph ran an SQL statement for half a second (queues worked off). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

function ask(subgraph: BenchProcess, command: SubgraphCommand): void {
  subgraph.child.send(command);
}

async function statsOf(subgraph: BenchProcess): Promise<SubgraphStats> {
  const reply = once(subgraph.child, 'message') as Promise<[SubgraphReport]>;
  ask(subgraph, { type: 'stats' });
  const [report] = await reply;
  if (report.type !== 'stats') throw new Error(`${subgraph.label}: expected stats, got ${report.type}`);
  return report;
}

async function written(subgraph: BenchProcess): Promise<void> {
  const reply = once(subgraph.child, 'message') as Promise<[SubgraphReport]>;
  ask(subgraph, { type: 'write' });
  const [report] = await reply;
  if (report.type !== 'written') throw new Error(`${subgraph.label}: expected written, got ${report.type}`);
}

/** Where the subgraphs keep their data: in-memory PGlite, or a PostgreSQL database per partner (reset first). */
export type BenchDatabase = 'pglite' | 'postgresql';

/** The benchmark's own PostgreSQL database for a partner on the local server, created if missing. */
async function benchDatabaseUrl(name: PartnerName): Promise<string> {
  const server = process.env.HUB_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `hub_bench_${name.replace(/-/g, '_')}`;
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.href;
}

async function startOne(name: PartnerName, persons: number, gatewayPublicKeyPem: string, database: BenchDatabase) {
  const subgraph = launchNode(name, [path.join(__dirname, 'subgraphProcess.js')], {
    HUB_BENCH_PARTNER: name,
    HUB_SEED_PERSONS: String(persons),
    HUB_BENCH_GATEWAY_PUBLIC_KEY: gatewayPublicKeyPem,
    HUB_BENCH_DATABASE_URL: database === 'postgresql' ? await benchDatabaseUrl(name) : '',
  });
  const ready = new Promise<string>((resolve, reject) => {
    subgraph.child.once('message', (report: SubgraphReport) => {
      if (report.type === 'ready') resolve(report.url);
    });
    subgraph.child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${subgraph.output()}`)));
  });
  return { subgraph, url: await ready };
}

/** Starts the five subgraphs, each seeding its own database (in-memory PGlite by default) with `persons` persons. */
export async function startSubgraphs(persons: number, gatewayPublicKeyPem: string, database: BenchDatabase = 'pglite'): Promise<BenchSubgraphs> {
  const startedAt = performance.now();
  const started = await Promise.all(PARTNER_NAMES.map((name) => startOne(name, persons, gatewayPublicKeyPem, database)));
  const processes = started.map((s) => s.subgraph);
  const stats = async () => {
    const all = await Promise.all(processes.map(statsOf));
    return all.reduce((sum, s) => ({
      sqlStatements: sum.sqlStatements + s.sqlStatements,
      bytesIn: sum.bytesIn + s.bytesIn,
      bytesOut: sum.bytesOut + s.bytesOut,
    }));
  };
  return {
    persons,
    startSeconds: (performance.now() - startedAt) / 1000,
    urls: Object.fromEntries(PARTNER_NAMES.map((name, i) => [name, started[i].url])) as Record<PartnerName, string>,
    setMode: (mode) => processes.forEach((subgraph) => ask(subgraph, { type: 'mode', ...mode })),
    write: async () => {
      await Promise.all(processes.map(written));
    },
    stats,
    async settle() {
      let last = -1;
      for (let quiet = 0, polls = 0; quiet < 2 && polls < 240; polls += 1) {
        await sleep(250);
        const now = (await stats()).sqlStatements;
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
    },
    stop: async () => {
      await Promise.all(processes.map((subgraph) => subgraph.stop()));
    },
  };
}
