import { Role, type Viewer } from '@hub/core';
import { cachedVouching, type VouchedCaller } from '@hub/gateway';
import { callerToken } from '../support/identity';

const viewer: Viewer = { subject: 'someone', partner: 'lauritzen-foundation', roles: [Role.ANALYST], purpose: null };

/** A vouching function that counts its calls and refuses the tokens listed. */
function countingVouch(refused: ReadonlySet<string> = new Set()) {
  const calls: string[] = [];
  const vouch = async (authorization: string | undefined): Promise<VouchedCaller> => {
    calls.push(authorization ?? '');
    if (!authorization || refused.has(authorization)) throw new Error('refused');
    return { viewer, internalToken: `internal-${calls.length}` };
  };
  return { calls, vouch };
}

describe('the gateway\'s cache of verified callers', () => {
  it('verifies a token once and reuses the same gateway token for it', async () => {
    const { calls, vouch } = countingVouch();
    const cached = cachedVouching(vouch);
    const header = `Bearer ${await callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST] })}`;
    const first = await cached(header);
    const second = await cached(header);
    expect(calls).toHaveLength(1);
    expect(second).toBe(first);
  });

  it('keeps tokens apart: another token is verified on its own', async () => {
    const { calls, vouch } = countingVouch();
    const cached = cachedVouching(vouch);
    const one = `Bearer ${await callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST] })}`;
    const other = `Bearer ${await callerToken({ partner: 'lauritzen-foundation', roles: [Role.DASHBOARD] })}`;
    await cached(one);
    await cached(other);
    expect(calls).toEqual([one, other]);
  });

  it('never caches a refusal: a refused token is checked again each time', async () => {
    const header = `Bearer ${await callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST] })}`;
    const { calls, vouch } = countingVouch(new Set([header]));
    const cached = cachedVouching(vouch);
    await expect(cached(header)).rejects.toThrow('refused');
    await expect(cached(header)).rejects.toThrow('refused');
    await expect(cached(undefined)).rejects.toThrow('refused');
    expect(calls).toHaveLength(3);
  });

  it('does not keep a token that has already expired (accepted within the clock skew)', async () => {
    const { calls, vouch } = countingVouch();
    const cached = cachedVouching(vouch);
    const header = `Bearer ${await callerToken({ partner: 'lauritzen-foundation', roles: [Role.ANALYST], expiresIn: '-5s' })}`;
    await cached(header);
    await cached(header);
    expect(calls).toHaveLength(2);
  });
});
