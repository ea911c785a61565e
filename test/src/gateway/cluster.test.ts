import { availableParallelism } from 'node:os';
import { DEFAULT_GATEWAY_HEAP_MB, gatewayWorkersFromEnv } from '@hub/gateway';

const heapLimit = (mb: number) => [`--max-old-space-size=${mb}`, '--max-semi-space-size=32'];

describe('HUB_GATEWAY_WORKERS and HUB_GATEWAY_HEAP_MB', () => {
  it('defaults to one worker per core in production and to this one process otherwise', () => {
    expect(gatewayWorkersFromEnv({ NODE_ENV: 'production' }).workers).toBe(availableParallelism());
    expect(gatewayWorkersFromEnv({ NODE_ENV: 'development' }).workers).toBe(0);
    expect(gatewayWorkersFromEnv({}).workers).toBe(0);
  });

  it('takes a whole number of 1 or more, whatever NODE_ENV says; one means one watched worker', () => {
    expect(gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: '3', NODE_ENV: 'production' }).workers).toBe(3);
    expect(gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: '1', NODE_ENV: 'development' }).workers).toBe(1);
  });

  it('gives every worker a heap limit, 160 MB unless set, and a young generation of its own size', () => {
    expect(DEFAULT_GATEWAY_HEAP_MB).toBe(160);
    expect(gatewayWorkersFromEnv({}).execArgv).toEqual(heapLimit(160));
    expect(gatewayWorkersFromEnv({ HUB_GATEWAY_HEAP_MB: '512' }).execArgv).toEqual(heapLimit(512));
  });

  it.each(['0', '-2', '1.5', 'four'])('refuses %p workers with the variable and the value in the message', (value) => {
    expect(() => gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: value })).toThrow(
      `HUB_GATEWAY_WORKERS must be a whole number of 1 or more, got "${value}"`,
    );
  });

  it.each(['32', '100.5', 'lots'])('refuses a heap limit of %p', (value) => {
    expect(() => gatewayWorkersFromEnv({ HUB_GATEWAY_HEAP_MB: value })).toThrow(
      `HUB_GATEWAY_HEAP_MB must be a whole number of 64 or more, got "${value}"`,
    );
  });
});
