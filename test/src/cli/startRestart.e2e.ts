import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PARTNERS } from '@hub/core';
import { exampleQuery } from '../support/hub';
import { postGraphQL, type GraphQLResponse } from '../support/graphql';
import { analystToken, testIdentity } from '../support/identity';
import { REPO_ROOT, freePort, interruptProcess, waitForOutput } from '../support/processes';

type LineAnswer = GraphQLResponse<{ lineOfAction: Record<string, unknown> | null }>;

/** The process id of the child of `parent` whose command line runs `script`. */
function childRunning(parent: number, script: string): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)]).toString().split('\n');
  const line = lines.find((candidate) => candidate.includes(script));
  if (!line) throw new Error(`no child of ${parent} runs ${script}:\n${lines.join('\n')}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/** Makes `hub start` trust the tests' identity provider (support/identity.ts) as its development issuer. */
async function trustTestIssuer(keysDir: string): Promise<void> {
  const { issuer } = await testIdentity();
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(path.join(keysDir, 'dev-issuer.key'), issuer.privateKeyPem, { mode: 0o600 });
  writeFileSync(path.join(keysDir, 'dev-issuer.pub'), issuer.publicKeyPem);
}

/** Polls until `check` passes (or the test's timeout ends it). */
async function eventually<T>(attempt: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await attempt();
    if (check(value)) return value;
    await sleep(250);
  }
}

describe('`hub start` keeps the hub serving when one process dies', () => {
  let child: ChildProcess;
  let output = '';
  const ports: Record<string, string> = {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-start-restart-'));
  const gateway = () => `http://127.0.0.1:${ports.GATEWAY_PORT}`;
  const askJob = async (): Promise<LineAnswer> =>
    postGraphQL(`${gateway()}/graphql`, exampleQuery('job-line-of-action'), undefined, await analystToken());

  beforeAll(async () => {
    await trustTestIssuer(path.join(dataDir, 'keys'));
    for (const partner of PARTNERS) ports[`${partner.envPrefix}_PORT`] = String(await freePort());
    ports.GATEWAY_PORT = String(await freePort());
    child = spawn(process.execPath, ['cli/dist/bin.js', 'start', '--memory', '--persons', '300'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...ports, HUB_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await waitForOutput(child, /Ctrl-C stops every process/);
  });

  afterAll(async () => {
    await interruptProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a partner killed with SIGKILL, and meanwhile answers with the other partners\' data and its named error', async () => {
    expect((await askJob()).errors).toBeUndefined();

    process.kill(childRunning(child.pid!, 'subgraphs/jobcentre/dist/server.js'), 'SIGKILL');
    await waitForOutput(child, /\[jobcentre\] exited \(signal SIGKILL\); restarting in 0\.5 s \(attempt 1\)/);

    const partial = await askJob();
    expect(partial.status).toBe(200);
    const line = partial.data!.lineOfAction!;
    expect(line.name).toEqual(expect.any(String)); // foundation
    expect(line.neetShare).toMatchObject({ unit: 'SHARE' }); // municipality
    expect(line.residentsByAgeBand).toHaveLength(5); // housing association
    expect(line.clubMembership).toMatchObject({ unit: 'COUNT' }); // volunteer centre
    expect(line.partTimeJobEsbjerg).toBeNull(); // jobcentre
    expect(partial.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringContaining('"jobcentre"'),
          extensions: expect.objectContaining({ code: 'PARTNER_UNAVAILABLE' }),
        }),
      ]),
    );

    const full = await eventually(askJob, (answer) => answer.errors === undefined);
    expect(full.data!.lineOfAction).toMatchObject({ partTimeJobEsbjerg: { unit: 'SHARE' } });
    expect(child.exitCode).toBeNull();
  });

  it('restarts the gateway when it dies, and it serves again', async () => {
    process.kill(childRunning(child.pid!, 'gateway/dist/server.js'), 'SIGKILL');
    await waitForOutput(child, /\[gateway\] exited \(signal SIGKILL\); restarting in 0\.5 s \(attempt 1\)/);
    await eventually(
      () => fetch(`${gateway()}/healthz`).then((response) => response.status, () => 0),
      (status) => status === 200,
    );
    expect(child.exitCode).toBeNull();
  });

  it('stops every process, and restarts none, on Ctrl-C', async () => {
    expect(child.exitCode).toBeNull();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of Object.values(ports)) {
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }
    expect(output).not.toMatch(/stopping the hub/);
  });
});
