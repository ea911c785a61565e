import { Writable } from 'node:stream';
import { createLogger, logLevelFromEnv } from '@hub/core';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('jobcentre', { destination, level }), lines };
}

describe('createLogger', () => {
  it('writes JSON lines naming the component, the level by name and an ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ requestId: 'r-1' }, 'request');
    logger.debug('below the level');
    expect(lines).toEqual([
      { level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), component: 'jobcentre', pid: process.pid, requestId: 'r-1', msg: 'request' },
    ]);
  });

  it('removes authorization and cookie headers wherever a line carries headers', () => {
    const { logger, lines } = capture();
    const headers = { authorization: 'Bearer secret', cookie: 'session=secret', 'set-cookie': 'a=secret', accept: 'application/json' };
    logger.info({ req: { headers }, headers, request: { headers } }, 'with headers');
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(lines[0].headers).toEqual({ accept: 'application/json' });
  });

  it('writes an error as its type, message, stack, code and SQL text, without the values it carries', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint "person_pkey"'), {
      name: 'QueryFailedError',
      code: '23505',
      query: 'INSERT INTO person (pseudonym) VALUES ($1)',
      parameters: ['a3f0c4d2e1'],
      detail: 'Key (pseudonym)=(a3f0c4d2e1) already exists.',
    });
    logger.error({ err: error }, 'unexpected error');
    expect(lines[0].err).toEqual({
      type: 'QueryFailedError',
      message: error.message,
      stack: error.stack,
      code: '23505',
      query: 'INSERT INTO person (pseudonym) VALUES ($1)',
    });
    expect(JSON.stringify(lines)).not.toContain('a3f0c4d2e1');
  });
});

describe('logLevelFromEnv', () => {
  it('is HUB_LOG_LEVEL, else info, else silent under jest', () => {
    expect(logLevelFromEnv({ HUB_LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(logLevelFromEnv({})).toBe('info');
    expect(logLevelFromEnv({ JEST_WORKER_ID: '1' })).toBe('silent');
    expect(logLevelFromEnv({ JEST_WORKER_ID: '1', HUB_LOG_LEVEL: 'debug' })).toBe('debug');
  });

  it('refuses a level pino does not know, naming the ones it does', () => {
    expect(() => logLevelFromEnv({ HUB_LOG_LEVEL: 'verbose' })).toThrow(
      'HUB_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "verbose"',
    );
  });
});
