// /healthz, /readyz and /metrics on every subgraph, over real HTTP and without a token; /readyz
// turns 503 on real failures (a migration the database has not run, a database that is gone).
import type { RunningSubgraph } from '@hub/core';
import { municipality } from '@hub/subgraph-municipality';
import { SUBGRAPHS } from '@hub/schema';
import request from 'supertest';
import { startTestSubgraph } from '../support/hub';
import { LogCapture } from './logCapture';

const originOf = (running: RunningSubgraph) => new URL(running.url).origin;

describe.each(SUBGRAPHS.map((definition) => [definition.name, definition] as const))('the %s subgraph', (_name, definition) => {
  let running: RunningSubgraph;
  beforeAll(async () => {
    running = await startTestSubgraph(definition, 100);
  });
  afterAll(() => running?.stop());

  it('answers /healthz, /readyz and /metrics without a token', async () => {
    const origin = originOf(running);
    expect((await request(origin).get('/healthz')).body).toEqual({ status: 'ok', partner: definition.name });
    const ready = await request(origin).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: { ok: true, latencyMs: expect.any(Number) }, migrations: { pending: 0 } });
    const metrics = await request(origin).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('# TYPE hub_subgraph_requests_total counter');
    expect(metrics.text).toContain(`component="${definition.name}"`);
  });
});

describe('/readyz after a real failure', () => {
  const log = new LogCapture('municipality');
  let running: RunningSubgraph;
  const readyz = () => request(originOf(running)).get('/readyz');

  beforeAll(async () => {
    running = await startTestSubgraph(municipality, 100, { logger: log.logger });
  });
  afterAll(() => running?.stop());

  it('is 503 while the database lacks a migration the code has, and 200 once it has it again', async () => {
    const db = running.database.dataSource;
    const [latest] = await db.query('SELECT id, "timestamp", name FROM migrations ORDER BY id DESC LIMIT 1');
    await db.query('DELETE FROM migrations WHERE id = $1', [latest.id]);
    try {
      const response = await readyz();
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'not ready', database: { ok: true, latencyMs: expect.any(Number) }, migrations: { pending: 1 } });
    } finally {
      await db.query('INSERT INTO migrations (id, "timestamp", name) VALUES ($1, $2, $3)', [latest.id, latest.timestamp, latest.name]);
    }
    expect((await readyz()).status).toBe(200);
  });

  it('is 503 while the database is gone, says only that, and logs why', async () => {
    const db = running.database.dataSource;
    await db.destroy();
    try {
      const response = await readyz();
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'not ready', database: { ok: false, latencyMs: expect.any(Number) }, migrations: { pending: null } });
    } finally {
      await db.initialize();
    }
    const reason = await log.waitFor((line) => line.msg.startsWith('not ready'));
    expect(reason).toMatchObject({ level: 'warn', err: { message: expect.any(String), stack: expect.any(String) } });
    expect((await readyz()).status).toBe(200);
  });
});
