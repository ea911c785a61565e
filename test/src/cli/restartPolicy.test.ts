import { inSeconds, restartDelayMs } from '@hub/cli/dist/supervisor/restartPolicy';

describe('`hub start` waits longer before each restart of a process that keeps dying', () => {
  it('waits 0.5 s, then twice as long each time, never more than 30 s', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempt) => inSeconds(restartDelayMs(attempt)));
    expect(waits).toEqual(['0.5 s', '1 s', '2 s', '4 s', '8 s', '16 s', '30 s', '30 s', '30 s']);
  });
});
