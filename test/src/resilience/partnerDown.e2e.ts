import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS, type PartnerName } from '@hub/core';
import request from 'supertest';
import { createTestDatabases } from '../support/databases';
import { postGraphQL, registerDefaultToken, type GraphQLResponse } from '../support/graphql';
import { analystToken, testIdentity, trustedIssuers } from '../support/identity';
import { REPO_ROOT, freePort } from '../support/processes';

const DOWN: PartnerName = 'volunteer-centre';

/** Touches every partner but the volunteer centre. */
const WITHOUT_IT = `query WithoutClubs { lineOfAction(code: JOB) {
  name partTimeJobShare(area: "osterbyen") { value } neetShare(area: "osterbyen") { value } } }`;
/** Needs the volunteer centre for one field. */
const WITH_IT = 'query WithClubs { lineOfAction(code: JOB) { name clubMembership(area: "osterbyen") { value } } }';

type Line = { lineOfAction: Record<string, unknown> };

/** Starts `node <script>` and resolves once it prints `ready`; rejects if it exits first. */
function startProcess(script: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready at/.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

const isFull = (response: GraphQLResponse<Line>) =>
  response.errors === undefined && Object.values(response.data?.lineOfAction ?? { x: null }).every((value) => value !== null);

/** Partial: the other partners' data, and exactly one error naming the volunteer centre at the field it fills. */
const isAttributedPartial = (response: GraphQLResponse<Line>) =>
  response.status === 200 &&
  typeof response.data?.lineOfAction.name === 'string' &&
  response.data.lineOfAction.clubMembership === null &&
  response.errors?.length === 1 &&
  response.errors[0].extensions?.partner === DOWN &&
  ['PARTNER_UNAVAILABLE', 'PARTNER_ERROR', 'PARTNER_TIMEOUT'].includes(String(response.errors[0].extensions?.code)) &&
  JSON.stringify(response.errors[0].path) === JSON.stringify(['lineOfAction', 'clubMembership']);

describe('a partner\'s subgraph process dies and comes back (real processes, loopback)', () => {
  const processes = new Map<string, ChildProcess>();
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-fault-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_MEMORY: '1', HUB_SEED_PERSONS: '300', HUB_CIRCUIT_COOLDOWN_MS: '1000' };
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let gatewayUrl = '';
  const startPartner = (name: PartnerName) =>
    startProcess(`subgraphs/${name}/dist/server.js`, env).then((child) => processes.set(name, child));

  beforeAll(async () => {
    const identity = await testIdentity();
    databases = await createTestDatabases();
    writeFileSync(path.join(dir, 'gateway.pub'), identity.gateway.publicKeyPem);
    writeFileSync(path.join(dir, 'gateway.key'), identity.gateway.privateKeyPem);
    writeFileSync(path.join(dir, 'issuers.json'), JSON.stringify(await trustedIssuers()));
    Object.assign(env, {
      HUB_GATEWAY_PUBLIC_KEY_FILE: path.join(dir, 'gateway.pub'),
      HUB_GATEWAY_PRIVATE_KEY_FILE: path.join(dir, 'gateway.key'),
      HUB_TRUSTED_ISSUERS_FILE: path.join(dir, 'issuers.json'),
      GATEWAY_PORT: String(await freePort()),
    });
    for (const partner of PARTNERS) {
      const port = await freePort();
      env[`${partner.envPrefix}_PORT`] = String(port);
      env[`${partner.envPrefix}_URL`] = `http://127.0.0.1:${port}/graphql`;
      const url = databases.urls[partner.name];
      if (url) env[`${partner.envPrefix}_DATABASE_URL`] = url;
    }
    await Promise.all(PARTNERS.map((partner) => startPartner(partner.name)));
    processes.set('gateway', await startProcess('gateway/dist/server.js', env));
    gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    registerDefaultToken(gatewayUrl, await analystToken());
  });

  afterAll(async () => {
    for (const child of processes.values()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await databases?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering: unaffected queries never fail, affected ones are partial and attributed, full again after a restart', async () => {
    const readyz = async () => (await request(gatewayUrl.replace(/\/graphql$/, '/readyz')).get('')).body;
    // `phase` is what the partner was doing for the whole request: from before it was sent to its answer.
    const seen: { query: 'without' | 'with'; phase: string; response: GraphQLResponse<Line> }[] = [];
    let phase = 'up';
    let streaming = true;
    const ask = async (query: 'without' | 'with') => {
      const before = phase;
      const response = await postGraphQL<Line>(gatewayUrl, query === 'with' ? WITH_IT : WITHOUT_IT);
      seen.push({ query, phase: before === phase ? phase : 'changing', response });
    };
    // A bounded stream of queries, running while the partner dies and comes back.
    const stream = (async () => {
      for (let i = 0; streaming && i < 3000; i += 1) {
        await ask('without');
        await ask('with');
      }
    })();
    const waitFor = async (condition: () => boolean | Promise<boolean>, what: string, ms = 30_000) => {
      const until = Date.now() + ms;
      while (!(await condition())) {
        if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await waitFor(() => seen.filter((s) => s.query === 'with').length >= 5, 'answers while all are up');
    const child = processes.get(DOWN)!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    phase = 'dying';
    child.kill('SIGKILL');
    await exited;
    phase = 'down';
    // Opens after 5 consecutive failures; from then on the partner is not called at all.
    await waitFor(async () => (await readyz()).partners[DOWN].state === 'open', 'the circuit to open');
    const whileOpen = seen.length;
    await waitFor(() => seen.length >= whileOpen + 20, 'answers while the circuit is open');
    const ready = await readyz();
    expect(ready.status).toBe('degraded');
    expect(ready.partners[DOWN].lastError).toMatchObject({ code: 'PARTNER_UNAVAILABLE', detail: 'ECONNREFUSED' });

    phase = 'restarting';
    await startPartner(DOWN);
    phase = 'back';
    const backAt = seen.length;
    // Half-open after the 1 s cool-down: the next request tries the partner again.
    await waitFor(() => seen.slice(backAt).some((s) => s.query === 'with' && isFull(s.response)), 'a full answer', 10_000);
    const recoveredAt = seen.length;
    await waitFor(() => seen.length >= recoveredAt + 10, 'answers after recovery');
    streaming = false;
    await stream;

    const without = seen.filter((s) => s.query === 'without');
    expect(without.filter((s) => !isFull(s.response))).toEqual([]);
    const withIt = seen.filter((s) => s.query === 'with');
    expect(withIt.filter((s) => !isFull(s.response) && !isAttributedPartial(s.response))).toEqual([]);
    expect(withIt.filter((s) => s.phase === 'up').every((s) => isFull(s.response))).toBe(true);
    expect(withIt.filter((s) => s.phase === 'down').every((s) => isAttributedPartial(s.response))).toBe(true);
    expect(withIt.filter((s) => s.phase === 'down').length).toBeGreaterThanOrEqual(10);
    // Once back, every answer after the first full one is full.
    expect(seen.slice(recoveredAt).every((s) => isFull(s.response))).toBe(true);
    expect((await readyz()).partners[DOWN].state).toBe('up');
  });
});
