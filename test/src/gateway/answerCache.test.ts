import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ANSWER_CACHE_MB, VersionProbe, answerCacheSettingsFromEnv } from '@hub/gateway';

describe('where the gateway keeps answers (environment)', () => {
  it('keeps 32 MB per worker in memory by default, none with 0, Redis when HUB_REDIS_URL is set', () => {
    expect(DEFAULT_ANSWER_CACHE_MB).toBe(32);
    expect(answerCacheSettingsFromEnv({})).toEqual({ store: 'memory', maxBytes: 32 * 1024 * 1024 });
    expect(answerCacheSettingsFromEnv({ HUB_ANSWER_CACHE_MB: '0' })).toEqual({ store: 'none' });
    expect(answerCacheSettingsFromEnv({ HUB_REDIS_URL: 'redis://cache:6379/2' })).toEqual({ store: 'redis', url: 'redis://cache:6379/2' });
  });

  it('refuses a size that is not a whole number and a Redis URL of another scheme, without repeating its password', () => {
    expect(() => answerCacheSettingsFromEnv({ HUB_ANSWER_CACHE_MB: '1.5' })).toThrow('HUB_ANSWER_CACHE_MB must be a whole number of 0 or more, got "1.5"');
    const refusal = () => answerCacheSettingsFromEnv({ HUB_REDIS_URL: 'http://user:s3cret@cache:6379' });
    expect(refusal).toThrow('HUB_REDIS_URL must be a redis:// or rediss:// URL');
    expect(refusal).not.toThrow(/s3cret/);
  });
});

describe('the version probe', () => {
  let server: http.Server;
  let url: URL;
  let version = 1;
  let probes = 0;
  let holding: (() => void)[] = [];
  let hold = false;
  const paths: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      probes += 1;
      paths.push(`${req.method} ${req.url}`);
      // What the partner reads is the version when the probe arrives: later writes are not in it.
      const read = version;
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ version: String(read) }));
      if (hold) holding.push(answer);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };

  it('never gives a caller a version read before it arrived: callers arriving during a probe share the next one', async () => {
    const probe = new VersionProbe(url, new http.Agent({ keepAlive: true }), 3000);
    hold = true;
    probes = 0;
    const first = probe.current('Bearer x');
    await until(() => holding.length === 1);
    // A write after the first probe read the version, then three callers arrive.
    version = 2;
    const later = [probe.current('Bearer x'), probe.current('Bearer x'), probe.current('Bearer x')];
    hold = false;
    holding.shift()!();
    expect(await first).toBe('1');
    expect(await Promise.all(later)).toEqual(['2', '2', '2']);
    expect(probes).toBe(2);
  });

  it('reads the version beside the GraphQL path and says nothing when the partner does not answer in time', async () => {
    const probe = new VersionProbe(url, new http.Agent(), 50);
    hold = true;
    holding = [];
    expect(await probe.current(undefined)).toBeUndefined();
    hold = false;
    holding = [];
    expect(await probe.current(undefined)).toBe(String(version));
    expect(paths.at(-1)).toBe('GET /data-version');
  });
});
