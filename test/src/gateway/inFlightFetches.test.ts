// InFlightFetches on its own: who waits for whom, who gets which copy, what a failure does, what it keeps.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InFlightFetches, type PartnerAnswer } from '@hub/gateway';

/** A partner call the test settles by hand, counting the calls made. */
function partner() {
  const calls: { settle: (answer: PartnerAnswer) => void; fail: (error: Error) => void }[] = [];
  const send = () =>
    new Promise<PartnerAnswer>((resolve, reject) => {
      calls.push({ settle: resolve, fail: reject });
    });
  return { calls, send };
}

const answer = (shareable: boolean): PartnerAnswer => {
  const body = { data: { n: { value: 7 } } };
  return { answer: body, text: JSON.stringify(body), shareable };
};

describe('identical fetches in flight', () => {
  it('gives each waiting caller its own copy of a shareable answer', async () => {
    const { calls, send } = partner();
    const fetches = new InFlightFetches();
    const all = Promise.all([1, 2, 3].map(() => fetches.fetch('{ n }', 'analyst', send)));
    expect(calls).toHaveLength(1);
    calls[0].settle(answer(true));
    const [a, b, c] = await all;
    expect([b, c]).toEqual([a, a]);
    (a.data as { n: { value: number } }).n.value = 0; // the executor writes into what it gets
    expect((b.data as { n: { value: number } }).n.value).toBe(7);
    expect(b.data).not.toBe(c.data);
  });

  it('sends each waiting caller its own fetch when the answer was person-level, and later ones at once', async () => {
    const { calls, send } = partner();
    const fetches = new InFlightFetches();
    const all = Promise.all([1, 2].map(() => fetches.fetch('{ person }', 'staff', send)));
    calls[0].settle(answer(false));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    calls[1].settle(answer(false));
    await all;
    void fetches.fetch('{ person }', 'staff', send);
    void fetches.fetch('{ person }', 'staff', send);
    expect(calls).toHaveLength(4);
  });

  it('keeps callers with other rights apart, and fails the waiting callers with the leader', async () => {
    const { calls, send } = partner();
    const fetches = new InFlightFetches();
    const mine = [fetches.fetch('{ n }', 'analyst', send), fetches.fetch('{ n }', 'analyst', send)];
    const theirs = fetches.fetch('{ n }', 'dashboard', send);
    expect(calls).toHaveLength(2);
    calls[0].fail(new Error('partner down'));
    await expect(Promise.all(mine)).rejects.toThrow('partner down');
    calls[1].settle(answer(true));
    await expect(theirs).resolves.toEqual(answer(true).answer);
    void fetches.fetch('{ n }', 'analyst', send); // nothing in flight any more: a new call
    expect(calls).toHaveLength(3);
  });

  it('remembers a person-level fetch without keeping its body: a hundred cohort-sized fetches leave the heap as it was', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const fetches = new InFlightFetches();
    const personal = async () => answer(false);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i += 1) {
      // A cohort of 50,000 members as the gateway sends it: 1 MB of pseudonyms, different each time.
      const body = JSON.stringify({ query: '{ cohort }', variables: { members: `${i}:`.padEnd(1_000_000, 'p') } });
      await fetches.fetch(body, 'staff', personal);
      expect(fetches.isPersonal(body)).toBe(true);
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20_000_000);
  });
});
