// A subgraph's /metrics, scraped over real HTTP after real requests: the series count what the
// subgraph did, and the SQL histogram counts exactly the statements the database ran.
import { randomUUID } from 'node:crypto';
import type { RunningSubgraph } from '@hub/core';
import { volunteerCentre } from '@hub/subgraph-volunteer-centre';
import request from 'supertest';
import { startTestSubgraph } from '../support/hub';
import { gatewayToken, ownStaff } from '../support/identity';
import { LogCapture } from './logCapture';
import { parseSamples, valueOf } from './prometheusText';

const log = new LogCapture('volunteer-centre');
let running: RunningSubgraph;
let token: string;
let origin: string;

beforeAll(async () => {
  running = await startTestSubgraph(volunteerCentre, 300, { logger: log.logger });
  token = await gatewayToken(ownStaff('volunteer-centre'));
  origin = new URL(running.url).origin;
});
afterAll(() => running?.stop());

async function scrape() {
  const response = await request(origin).get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseSamples(response.text);
}

/** Posts one operation and waits until the subgraph has recorded it; returns its log line. */
async function run(query: string, operationName?: string) {
  const requestId = randomUUID();
  const response = await request(running.url)
    .post('')
    .set({ 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId })
    .send({ query, operationName });
  expect(response.status).toBe(200);
  return { body: response.body, line: await log.requestLine(requestId) };
}

const clubs = (first: number) => `query ClubsOfTheCentre { clubs(first: ${first}) { totalCount edges { node { code name } } } }`;

it('counts requests, latency and SQL statements per operation, and the SQL count is every statement the database ran', async () => {
  const before = await scrape();
  const statementsBefore = running.database.statements.total;
  const small = await run(clubs(2));
  const large = await run(clubs(20), 'ClubsOfTheCentre');
  const ran = running.database.statements.total - statementsBefore;
  const after = await scrape();

  const op = { operation: 'ClubsOfTheCentre' };
  const delta = (name: string, labels: Record<string, string> = op) => valueOf(after, name, labels) - valueOf(before, name, labels);
  expect(delta('hub_subgraph_requests_total', { ...op, status: '200', component: 'volunteer-centre' })).toBe(2);
  expect(delta('hub_subgraph_request_duration_seconds_count')).toBe(2);
  expect(delta('hub_subgraph_request_duration_seconds_sum')).toBeGreaterThan(0);
  expect(delta('hub_subgraph_sql_statements_count')).toBe(2);
  expect(delta('hub_subgraph_sql_statements_sum')).toBe(ran);
  expect(Number(small.line.sqlStatements) + Number(large.line.sqlStatements)).toBe(ran);
  // DataLoaders: ten times the rows, the same statements.
  expect(large.line.sqlStatements).toBe(small.line.sqlStatements);
  expect(large.body.data.clubs.edges.length).toBeGreaterThan(small.body.data.clubs.edges.length);
});

it('counts errors by operation and code', async () => {
  const before = await scrape();
  const { body } = await run('query OneClub { club(code: "no-such-club") { name } }');
  expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  const after = await scrape();
  const labels = { operation: 'OneClub', code: 'NOT_FOUND' };
  expect(valueOf(after, 'hub_subgraph_errors_total', labels) - valueOf(before, 'hub_subgraph_errors_total', labels)).toBe(1);
});

it('counts a refused call under operation "none", whatever operation it names', async () => {
  const before = await scrape();
  const response = await request(running.url)
    .post('')
    .set({ 'content-type': 'application/json' })
    .send({ query: clubs(1), operationName: 'ClubsOfTheCentre' });
  expect(response.status).toBe(401);
  await log.requestLine(String(response.headers['x-request-id']));
  const labels = { operation: 'none', status: '401' };
  const after = await scrape();
  expect(valueOf(after, 'hub_subgraph_requests_total', labels) - valueOf(before, 'hub_subgraph_requests_total', labels)).toBe(1);
});

it('reports the process\'s default metrics, labelled with the component, without a token', async () => {
  const samples = await scrape();
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
    expect(samples.find((sample) => sample.name === name)?.labels.component).toBe('volunteer-centre');
  }
});
