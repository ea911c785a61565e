// A subgraph's request log, over real HTTP: one JSON line per request that an operator can follow
// by request id, and that never holds a pseudonym, a token or a variable's value.
import { randomUUID } from 'node:crypto';
import type { RunningSubgraph } from '@hub/core';
import { municipality } from '@hub/subgraph-municipality';
import request from 'supertest';
import { startTestSubgraph } from '../support/hub';
import { gatewayToken, ownStaff } from '../support/identity';
import { LogCapture } from './logCapture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const log = new LogCapture('municipality');
let running: RunningSubgraph;
let token: string;

beforeAll(async () => {
  running = await startTestSubgraph(municipality, 300, { logger: log.logger });
  token = await gatewayToken(ownStaff('municipality'));
});
afterAll(() => running?.stop());

/** One GraphQL POST as the gateway makes it, with the headers a test chooses. */
function post(body: object, headers: Record<string, string> = {}) {
  return request(running.url)
    .post('')
    .set({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers })
    .send(body);
}

const AREAS = 'query AreasOfTheMunicipality { areas(first: 3) { edges { node { code } } } }';

describe('the request log line', () => {
  it('is one JSON line with the caller\'s request id, operation, organisation, roles, status and SQL count', async () => {
    const requestId = `dashboard-${randomUUID()}`;
    const response = await post({ query: AREAS }, { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe(requestId);

    const line = await log.requestLine(requestId);
    expect(line).toMatchObject({
      level: 'info',
      component: 'municipality',
      operation: 'AreasOfTheMunicipality',
      organisation: 'esbjerg-municipality',
      roles: ['partner-staff', 'analyst'],
      status: 200,
      errorCodes: [],
    });
    expect(line.sqlStatements).toBeGreaterThan(0);
    expect(typeof line.durationMs).toBe('number');
    expect(Date.parse(String(line.time))).not.toBeNaN();
    expect(log.raw.filter((raw) => raw.includes(requestId))).toHaveLength(1);
  });

  it('names the caller\'s operation, not the gateway\'s fetch of it', async () => {
    const requestId = randomUUID();
    const query = 'query JobLineOfAction__municipality__2 { areas(first: 1) { totalCount } }';
    await post({ query, operationName: 'JobLineOfAction__municipality__2' }, { 'x-request-id': requestId });
    expect((await log.requestLine(requestId)).operation).toBe('JobLineOfAction');
  });

  it.each([
    ['too long', 'a'.repeat(65)],
    ['with characters a log viewer could misread', 'abc"},{"level":"fatal","msg":"forged'],
    ['with markup', '<script>alert(1)</script>'],
  ])('replaces a request id %s with a fresh UUID', async (_kind, hostile) => {
    const response = await post({ query: AREAS }, { 'x-request-id': hostile });
    const given = String(response.headers['x-request-id']);
    expect(given).toMatch(UUID);
    expect((await log.requestLine(given)).status).toBe(200);
    expect(log.raw.some((raw) => raw.includes(hostile))).toBe(false);
  });

  it('logs a refused call with its status and no caller', async () => {
    const requestId = randomUUID();
    const response = await post({ query: AREAS }, { 'x-request-id': requestId, authorization: 'Bearer forged.token.value' });
    expect(response.status).toBe(401);
    expect(await log.requestLine(requestId)).toMatchObject({ status: 401, organisation: null, roles: [], errorCodes: [] });
  });

  it('carries the error codes of the response, and every error carries the request id', async () => {
    const requestId = randomUUID();
    const response = await post({ query: '{ area(code: "atlantis") { name } }' }, { 'x-request-id': requestId });
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND', requestId }) })]);
    expect((await log.requestLine(requestId)).errorCodes).toEqual(['NOT_FOUND']);
  });
});

describe('what never reaches the log', () => {
  it('holds no pseudonym, variable value or token of an _entities call with Person representations', async () => {
    const persons: { pseudonym: string }[] = await running.database.dataSource.query(
      'SELECT pseudonym FROM person ORDER BY pseudonym LIMIT 3',
    );
    expect(persons).toHaveLength(3);
    const representations = persons.map(({ pseudonym }) => ({ __typename: 'Person', pseudonym }));
    const requestId = randomUUID();
    const query = `query CohortFollowUp__municipality__1($representations: [_Any!]!, $on: LocalDate) {
      _entities(representations: $representations) { ... on Person { birthYear youthStatus(on: $on) } } }`;
    const marker = '2019-03-17';
    const response = await post(
      { query, operationName: 'CohortFollowUp__municipality__1', variables: { representations, on: marker } },
      { 'x-request-id': requestId },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data._entities).toHaveLength(3);
    expect(await log.requestLine(requestId)).toMatchObject({ operation: 'CohortFollowUp', status: 200 });

    const everything = log.raw.join('\n');
    for (const { pseudonym } of persons) expect(everything).not.toContain(pseudonym);
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('forged.token.value');
    expect(everything.toLowerCase()).not.toContain('bearer');
  });
});

describe('an unexpected error', () => {
  it('is logged without the SQL parameters it carries, which are pseudonyms here', async () => {
    const [{ pseudonym }]: { pseudonym: string }[] = await running.database.dataSource.query(
      'SELECT pseudonym FROM person ORDER BY pseudonym DESC LIMIT 1',
    );
    const requestId = randomUUID();
    const query = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { birthYear } } }';
    // A real SQL failure, raised by PostgreSQL with the pseudonyms among its statement's parameters.
    await running.database.dataSource.query('ALTER TABLE person RENAME TO person_elsewhere');
    try {
      const response = await post({ query, variables: { representations: [{ __typename: 'Person', pseudonym }] } }, { 'x-request-id': requestId });
      expect(response.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    } finally {
      await running.database.dataSource.query('ALTER TABLE person_elsewhere RENAME TO person');
    }
    const detail = await log.waitFor((line) => line.msg === 'unexpected error' && line.requestId === requestId);
    expect(detail.err).toMatchObject({ type: 'QueryFailedError', message: expect.stringContaining('person'), query: expect.stringContaining('person') });
    expect(log.raw.join('\n')).not.toContain(pseudonym);
  });


  it('is logged in full with the request id the client gets, and reaches the client masked', async () => {
    const requestId = randomUUID();
    // A real outage: the subgraph's connection pool is gone while it keeps serving.
    await running.database.dataSource.destroy();
    try {
      const response = await post({ query: AREAS }, { 'x-request-id': requestId });
      expect(response.body.errors).toEqual([
        { message: 'Internal server error', path: ['areas'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.js|SELECT|Connection/i);
    } finally {
      await running.database.dataSource.initialize();
    }
    const detail = await log.waitFor((line) => line.msg === 'unexpected error' && line.requestId === requestId);
    expect(detail).toMatchObject({ level: 'error', path: ['areas'] });
    const err = detail.err as { message: string; stack: string };
    expect(err.stack).toContain(err.message);
    expect(err.stack).toMatch(/\n\s+at /);
    expect(await log.requestLine(requestId)).toMatchObject({ errorCodes: ['INTERNAL_SERVER_ERROR'] });
  });
});
