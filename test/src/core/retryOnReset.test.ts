// A partner on the embedded database starts again once when the database's single connection
// drops during the start; any other failure still stops it at once.
import { isDroppedConnection, retryOnReset } from '@hub/core';

const dropped = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

describe('starting again after a dropped connection', () => {
  it('tries once more when the connection dropped, and says so', async () => {
    const attempts: number[] = [];
    const retried: unknown[] = [];
    const result = await retryOnReset(async () => {
      attempts.push(attempts.length);
      if (attempts.length === 1) throw dropped();
      return 'started';
    }, (error) => retried.push(error));
    expect(result).toBe('started');
    expect(attempts).toHaveLength(2);
    expect(retried).toHaveLength(1);
  });

  it('gives up after a second drop, and never retries another error', async () => {
    let calls = 0;
    await expect(retryOnReset(async () => { calls += 1; throw dropped(); }, () => undefined)).rejects.toThrow('ECONNRESET');
    expect(calls).toBe(2);
    calls = 0;
    const sqlError = Object.assign(new Error('relation "tenancy" does not exist'), { code: '42P01' });
    await expect(retryOnReset(async () => { calls += 1; throw sqlError; }, () => undefined)).rejects.toBe(sqlError);
    expect(calls).toBe(1);
  });

  it('knows a dropped connection by its code', () => {
    expect([dropped(), Object.assign(new Error('x'), { code: 'EPIPE' }), new Error('x'), null].map(isDroppedConnection)).toEqual([true, true, false, false]);
  });
});
