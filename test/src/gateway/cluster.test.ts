import { availableParallelism } from 'node:os';
import { gatewayWorkersFromEnv } from '@hub/gateway';

describe('HUB_GATEWAY_WORKERS', () => {
  it('defaults to one worker per core in production and to one process otherwise', () => {
    expect(gatewayWorkersFromEnv({ NODE_ENV: 'production' })).toBe(availableParallelism());
    expect(gatewayWorkersFromEnv({ NODE_ENV: 'development' })).toBe(1);
    expect(gatewayWorkersFromEnv({})).toBe(1);
  });

  it('takes a whole number of 1 or more, whatever NODE_ENV says', () => {
    expect(gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: '3', NODE_ENV: 'production' })).toBe(3);
    expect(gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: '1', NODE_ENV: 'production' })).toBe(1);
  });

  it.each(['0', '-2', '1.5', 'four'])('refuses %p with the variable and the value in the message', (value) => {
    expect(() => gatewayWorkersFromEnv({ HUB_GATEWAY_WORKERS: value })).toThrow(
      `HUB_GATEWAY_WORKERS must be a whole number of 1 or more, got "${value}"`,
    );
  });
});
