// A child process of the benchmark: one partner's real subgraph (startSubgraph, the product's
// code) on a throwaway in-memory database (or a PostgreSQL database it resets), with knobs the product must not have, set by the
// parent over IPC: a delay added to every request, answers from memory (bench/replay.ts), and
// counters of bytes on the wire and SQL statements. Every contender meets these processes.
import http from 'node:http';
import type { Socket } from 'node:net';
import { startSubgraph, type PartnerName } from '@hub/core';
import { SUBGRAPHS } from '@hub/schema';
import { replaying } from './replay';

export type SubgraphCommand = { type: 'mode'; delayMs: number; fromMemory: boolean } | { type: 'stats' } | { type: 'write' };
export interface SubgraphStats {
  sqlStatements: number;
  /** Bytes the subgraph received (requests, headers included) and sent, on every connection. */
  bytesIn: number;
  bytesOut: number;
}
export type SubgraphReport = { type: 'ready'; url: string } | ({ type: 'stats' } & SubgraphStats) | { type: 'written' };

let delayMs = 0;
let fromMemory = false;
let ownUrl = '';
const open = new Set<Socket>();
const closed = { bytesIn: 0, bytesOut: 0 };

/**
 * startSubgraph makes its own HTTP server; wrapping http.createServer before it runs puts the
 * delay in front of the whole express app (body parsing included) without touching the product.
 */
function instrumentHttpServers(): void {
  const createServer = http.createServer;
  const instrumented = (listener: http.RequestListener) => {
    const fromMemoryListener = replaying(listener, () => ownUrl);
    const serve: http.RequestListener = (req, res) => (fromMemory ? fromMemoryListener : listener)(req, res);
    const server = createServer((req, res) => {
      if (delayMs > 0 && !req.headers['x-bench-pass-through']) setTimeout(() => serve(req, res), delayMs);
      else serve(req, res);
    });
    server.on('connection', (socket: Socket) => {
      open.add(socket);
      socket.once('close', () => {
        open.delete(socket);
        closed.bytesIn += socket.bytesRead;
        closed.bytesOut += socket.bytesWritten;
      });
    });
    return server;
  };
  (http as { createServer: unknown }).createServer = instrumented;
}

function traffic(): Omit<SubgraphStats, 'sqlStatements'> {
  let { bytesIn, bytesOut } = closed;
  for (const socket of open) {
    bytesIn += socket.bytesRead;
    bytesOut += socket.bytesWritten;
  }
  return { bytesIn, bytesOut };
}

async function main(): Promise<void> {
  const [name, persons, publicKeyPem] = [
    process.env.HUB_BENCH_PARTNER as PartnerName,
    Number(process.env.HUB_SEED_PERSONS),
    process.env.HUB_BENCH_GATEWAY_PUBLIC_KEY ?? '',
  ];
  const definition = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!definition || !process.send) throw new Error(`run by bench/hub.ts with HUB_BENCH_PARTNER; got "${name}"`);
  instrumentHttpServers();
  const databaseUrl = process.env.HUB_BENCH_DATABASE_URL || undefined;
  const running = await startSubgraph(definition, { port: 0, seedPersons: persons, gatewayPublicKeyPem: publicKeyPem, databaseUrl, reset: Boolean(databaseUrl) });
  const db = running.database.dataSource;
  process.on('message', (command: SubgraphCommand) => {
    if (command.type === 'mode') ({ delayMs, fromMemory } = command);
    // What an import leaves behind, as far as any measure can tell: a new version of the data.
    else if (command.type === 'write') void db.query('UPDATE hub_data_version SET version = version + 1').then(() => process.send?.({ type: 'written' }));
    else process.send?.({ type: 'stats', sqlStatements: running.database.statements.total, ...traffic() });
  });
  ownUrl = running.url;
  process.send({ type: 'ready', url: running.url } satisfies SubgraphReport);
  // The parent going away (Ctrl-C, a crash) must not leave a subgraph behind.
  process.once('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
