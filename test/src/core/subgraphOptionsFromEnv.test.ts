import path from 'node:path';
import { PARTNERS, subgraphOptionsFromEnv } from '@hub/core';

describe('subgraphOptionsFromEnv', () => {
  it('defaults to the partner\'s port and a persistent folder under .data', () => {
    expect(subgraphOptionsFromEnv('jobcentre', {})).toEqual({
      port: 4003,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('.data', 'jobcentre'),
      seedPersons: undefined,
      reset: false,
    });
  });

  it('uses PostgreSQL, and no data folder, when the partner has a URL', () => {
    const options = subgraphOptionsFromEnv('housing-association', {
      HOUSING_ASSOCIATION_DATABASE_URL: 'postgres://hub@db/housing',
      JOBCENTRE_DATABASE_URL: 'postgres://hub@db/jobcentre',
    });
    expect(options.databaseUrl).toBe('postgres://hub@db/housing');
    expect(options.dataDir).toBeUndefined();
  });

  it('runs in memory when HUB_MEMORY is set', () => {
    expect(subgraphOptionsFromEnv('foundation', { HUB_MEMORY: '1' }).dataDir).toBeUndefined();
  });

  it('rejects a port or seed size that is not a whole number, naming the variable', () => {
    expect(() => subgraphOptionsFromEnv('municipality', { MUNICIPALITY_PORT: 'eighty' })).toThrow(
      /MUNICIPALITY_PORT must be a whole number, got "eighty"/,
    );
    expect(() => subgraphOptionsFromEnv('municipality', { HUB_SEED_PERSONS: '1e3x' })).toThrow(
      /HUB_SEED_PERSONS/,
    );
  });

  it('gives every partner its own port and variable prefix', () => {
    expect(new Set(PARTNERS.map((p) => p.defaultPort)).size).toBe(PARTNERS.length);
    expect(PARTNERS.map((p) => p.envPrefix)).toEqual([
      'MUNICIPALITY',
      'HOUSING_ASSOCIATION',
      'JOBCENTRE',
      'VOLUNTEER_CENTRE',
      'FOUNDATION',
    ]);
  });
});
