import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS } from '@hub/core';
import { exampleQuery } from '../support/hub';
import { postGraphQL } from '../support/graphql';
import { REPO_ROOT, freePort, interruptProcess, waitForOutput } from '../support/processes';

describe('`hub start` (what `npm start` runs)', () => {
  let child: ChildProcess;
  const ports: Record<string, string> = {};
  // Its own data folder, so the development keys it makes stay out of the working tree.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hub-start-'));
  const env = () => ({ ...process.env, ...ports, HUB_DATA_DIR: dataDir });

  beforeAll(async () => {
    for (const partner of PARTNERS) ports[`${partner.envPrefix}_PORT`] = String(await freePort());
    ports.GATEWAY_PORT = String(await freePort());
    child = spawn(process.execPath, ['cli/dist/bin.js', 'start', '--memory', '--persons', '500'], {
      cwd: REPO_ROOT,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });

  afterAll(async () => {
    await interruptProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  let output = '';

  it('starts six processes and prints the gateway URL, a sandbox link and a dashboard link, each with a token', async () => {
    output = await waitForOutput(child, /Ctrl-C stops every process/);
    for (const partner of PARTNERS) expect(output).toContain(`${partner.name} subgraph ready at`);
    expect(output).toContain(`http://localhost:${ports.GATEWAY_PORT}/graphql`);
    expect(output).toMatch(new RegExp(`http://localhost:${ports.GATEWAY_PORT}/graphql#token=\\S+`));
    expect(output).toMatch(new RegExp(`http://localhost:${ports.GATEWAY_PORT}/dashboard#token=\\S+`));
  });

  it('answers the README\'s Job query with data from all five partners, with a token from `hub token`', async () => {
    const token = execFileSync(process.execPath, ['cli/dist/bin.js', 'token', '--role', 'analyst'], {
      cwd: REPO_ROOT,
      env: env(),
    }).toString().trim();
    const response = await postGraphQL<{ lineOfAction: Record<string, unknown> }>(
      `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`,
      exampleQuery('job-line-of-action'),
      undefined,
      token,
    );
    expect(response.errors).toBeUndefined();
    const line = response.data!.lineOfAction;
    expect(line.name).toEqual(expect.any(String)); // foundation
    expect(line.partTimeJobEsbjerg).toMatchObject({ unit: 'SHARE' }); // jobcentre
    expect(line.neetShare).toMatchObject({ unit: 'SHARE' }); // municipality
    expect(line.residentsByAgeBand).toHaveLength(5); // housing association
    expect(line.clubMembership).toMatchObject({ unit: 'COUNT' }); // volunteer centre
  });

  it('prints a sandbox link whose token the gateway accepts', async () => {
    const token = /\/graphql#token=(\S+)/.exec(output)![1];
    const response = await postGraphQL(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`, '{ linesOfAction { code } }', undefined, token);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ linesOfAction: expect.arrayContaining([{ code: 'JOB' }]) });
  });

  it('prints a dashboard link whose token the gateway accepts, for the dashboard contract only', async () => {
    const link = new URL(/(http:\/\/localhost:\d+\/dashboard#token=\S+)/.exec(output)![1]);
    const page = await fetch(new URL(link.pathname, `http://127.0.0.1:${ports.GATEWAY_PORT}`));
    expect(page.status).toBe(200);
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    const graphql = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    const aggregates = await postGraphQL(graphql, '{ linesOfAction { code } }', undefined, token);
    expect(aggregates.errors).toBeUndefined();
    expect(aggregates.data).toEqual({ linesOfAction: expect.arrayContaining([{ code: 'JOB' }]) });
    // In the dashboard contract person-level types do not exist: not a refusal, a field unknown.
    const person = await postGraphQL(graphql, '{ person(pseudonym: "0000") { birthYear } }', undefined, token);
    expect(person.status).toBe(400);
    expect(person.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Cannot query field "person" on type "Query"'), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
    ]);
  });

  it('stops every process on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
    for (const port of Object.values(ports)) {
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }
  });
});
