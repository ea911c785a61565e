import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { gatewayKeyFiles, linesMatching, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { analystToken } from '../support/identity';
import { freePort } from '../support/processes';

/** A process's arguments as the kernel records them. */
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const workerPid = (line: string) => Number(/\(worker (\d+)\)/.exec(line)?.[1]);
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the gateway with HUB_GATEWAY_WORKERS (node:cluster) and a heap limit per worker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-cluster-'));
  let env: NodeJS.ProcessEnv;
  let gateway: GatewayProcess;
  let url: string;
  let workers: number[];

  beforeAll(async () => {
    const closedPort = await freePort();
    env = {
      ...(await gatewayKeyFiles(dir)),
      GATEWAY_PORT: String(await freePort()),
      // Nothing listens there: a call to any partner fails, in the one worker that makes it.
      ...Object.fromEntries(PARTNERS.map((partner) => [`${partner.envPrefix}_URL`, `http://127.0.0.1:${closedPort}/graphql`])),
    };
    url = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    gateway = startGatewayProcess({ ...env, HUB_GATEWAY_WORKERS: '2' });
  });

  afterAll(() => {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    for (const pid of workers ?? []) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves one port from two worker processes besides the primary, each with the heap limit', async () => {
    workers = (await linesMatching(gateway, /gateway ready at/, 2)).map(workerPid);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(gateway.child.pid);
    for (const pid of workers) expect(commandLine(pid)).toEqual(expect.arrayContaining(['--max-old-space-size=160', '--max-semi-space-size=32']));
    const response = await postGraphQL(url, '{ __typename }', undefined, await analystToken());
    expect(response).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('reports every worker\'s requests on /metrics, whichever worker the scrape reaches', async () => {
    const token = await analystToken();
    for (let i = 0; i < 10; i += 1) {
      expect(await postGraphQL(url, 'query Ping { __typename }', undefined, token)).toMatchObject({ status: 200 });
    }
    const pings = /^hub_gateway_requests_total\{[^}]*operation="Ping"[^}]*status="200"[^}]*\} (\d+)$/m;
    for (let scrape = 0; scrape < 4; scrape += 1) {
      const text = await (await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/metrics`)).text();
      expect(Number(pings.exec(text)?.[1])).toBe(10);
    }
  });

  it('reports on /readyz what any worker saw of the partners, whichever worker the probe reaches', async () => {
    const answer = await postGraphQL(url, '{ lineOfAction(code: JOB) { name } }', undefined, await analystToken());
    expect(answer.errors?.[0]?.extensions?.code).toBe('PARTNER_UNAVAILABLE');
    const notUp = async () => {
      const response = await fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/readyz`);
      const { partners } = (await response.json()) as { partners: Record<string, { state: string }> };
      return { status: response.status, notUp: Object.keys(partners).filter((name) => partners[name].state !== 'up').sort() };
    };
    const first = await notUp();
    expect(first.status).toBe(503);
    expect(first.notUp.length).toBeGreaterThan(0);
    for (let probe = 0; probe < 4; probe += 1) expect(await notUp()).toEqual(first);
  });

  it('starts another worker when one dies, and keeps answering meanwhile', async () => {
    process.kill(workers[0], 'SIGKILL');
    const token = await analystToken();
    // A connection the primary hands to a worker in the instant it dies is lost with it (node:cluster);
    // once the primary knows, the other worker answers while the new one starts.
    await linesMatching(gateway, new RegExp(`worker ${workers[0]} exited \\(SIGKILL\\); starting another`), 1);
    expect(await postGraphQL(url, '{ __typename }', undefined, token)).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    const ready = (await linesMatching(gateway, /gateway ready at/, 3)).map(workerPid);
    workers.push(ready[2]);
    expect(workers[0]).not.toBe(ready[2]);
    expect(isAlive(ready[2])).toBe(true);
    expect(await postGraphQL(url, '{ __typename }', undefined, token)).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('stops every worker on SIGTERM and exits with 0', async () => {
    const exited = new Promise<number | null>((resolve) => gateway.child.once('exit', resolve));
    gateway.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.slice(1).filter(isAlive)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${env.GATEWAY_PORT}/healthz`)).rejects.toThrow();
  });

  it('exits with 1 instead of restarting forever when workers cannot start', async () => {
    const broken = startGatewayProcess({ ...env, HUB_GATEWAY_WORKERS: '2', HUB_GATEWAY_PRIVATE_KEY_FILE: path.join(dir, 'missing.key') });
    const code = await new Promise<number | null>((resolve) => broken.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(broken.output()).toMatch(/gateway worker \d+ exited \(code 1\) before serving; stopping/);
  });

  it('refuses a worker count that is not a whole number of 1 or more', async () => {
    const refused = startGatewayProcess({ ...env, HUB_GATEWAY_WORKERS: '0' });
    const code = await new Promise<number | null>((resolve) => refused.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(refused.output()).toContain('HUB_GATEWAY_WORKERS must be a whole number of 1 or more, got "0"');
  });
});
