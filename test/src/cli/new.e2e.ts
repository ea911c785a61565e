// `hub new museum` in a scratch copy of the workspace, then what a partner's IT team does next:
// build it, check and compose the supergraph, start the whole hub and query the museum's fields
// through the gateway with real tokens, run the test the scaffold wrote, and import an extract;
// the container setup `hub new` wrote passes the checks of test/src/infra/dockerCompose.test.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WORLD_OPTIONS, PARTNERS, generateWorld } from '@hub/core';
import { postGraphQL } from '../support/graphql';
import { DOCKER_FILES, REPO_ROOT, scratchWorkspace, type ScratchWorkspace } from './newWorkspace';
import { freePort, waitForOutput } from '../support/processes';

const MUSEUM = { partner: 'museum', title: 'Museum of Southwest Jutland', organisation: 'sydvestjyske-museer', port: 4006 };

let scratch: ScratchWorkspace;
const file = (...parts: string[]) => path.join(scratch.root, ...parts);
const read = (...parts: string[]) => readFileSync(file(...parts), 'utf8');
const repoSupergraph = readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8');

beforeAll(() => {
  scratch = scratchWorkspace();
});

afterAll(() => {
  scratch?.remove();
});

describe('`hub new museum`', () => {
  it('writes a subgraph with the layout of the five, its test, its project reference and its container setup, and prints the next steps', () => {
    const result = scratch.hub('new', 'museum', '--title', MUSEUM.title, '--organisation', MUSEUM.organisation);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(read('subgraphs', 'museum', 'package.json'))).toMatchObject({
      name: '@hub/subgraph-museum',
      main: 'dist/index.js',
      hub: MUSEUM,
    });
    for (const folder of ['entities', 'migrations', 'resolvers', 'loaders', 'seed']) {
      expect([folder, existsSync(file('subgraphs', 'museum', 'src', folder))]).toEqual([folder, true]);
    }
    for (const source of ['server.ts', 'index.ts', 'loaders/createLoaders.ts', 'seed/seedMuseum.ts']) {
      expect([source, existsSync(file('subgraphs', 'museum', 'src', source))]).toEqual([source, true]);
    }
    expect(read('test', 'src', 'subgraphs', 'museum.e2e.ts')).toContain("definition.name === 'museum'");
    expect(JSON.parse(read('tsconfig.json')).references).toContainEqual({ path: 'subgraphs/museum' });
    expect(result.stdout).toContain('✔ New partner subgraph "museum": Museum of Southwest Jutland');
    for (const updated of [
      'updated docker-compose.yml (service museum, MUSEUM_DB_PASSWORD for postgres, MUSEUM_URL for the gateway, the gateway waits for it to be healthy)',
      'updated infra/postgres/init.sql (role and database hub_museum)',
      'updated infra/Dockerfile (COPY of its package.json, EXPOSE 4006)',
    ]) {
      expect(result.stdout).toContain(updated);
    }
    expect(result.stdout).toMatch(/Next steps:\n {2}npm install .*\n {2}npm run build /);
  });

  it('refuses to make it twice, and changes nothing', () => {
    const before = scratch.listing();
    const docker = DOCKER_FILES.map((name) => read(name));
    const result = scratch.hub('new', 'museum');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"museum" is taken: subgraphs/museum exists already (Museum of Southwest Jutland).');
    expect(scratch.listing()).toEqual(before);
    expect(DOCKER_FILES.map((name) => read(name))).toEqual(docker);
  });

  it('builds, and its code and its test pass the type checker and the linter', () => {
    // --preserveSymlinks: in the scratch copy node_modules is a symlink to the repository's, and
    // declarations name packages by the path they were found at (in the repository they are real).
    const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
    const build = scratch.run(process.execPath, [tsc, '-p', 'subgraphs/museum', '--preserveSymlinks']);
    expect(build.stdout + build.stderr).toBe('');
    expect(existsSync(file('subgraphs', 'museum', 'dist', 'index.js'))).toBe(true);
    const typecheck = scratch.run(process.execPath, [tsc, '-p', 'test', '--noEmit', '--preserveSymlinks']);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    const eslint = path.join('node_modules', 'eslint', 'bin', 'eslint.js');
    const lint = scratch.run(process.execPath, [eslint, 'subgraphs/museum/src', 'test/src/subgraphs/museum.e2e.ts']);
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  it('`hub check museum` says it composes and only adds the museum\'s own types and fields', () => {
    const result = scratch.hub('check', 'museum', '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; breaking: number; dangerous: number; changes: { path: string; criticality: string }[] };
    expect(report).toMatchObject({ ok: true, breaking: 0, dangerous: 0 });
    const paths = report.changes.map((change) => change.path);
    expect(paths).toEqual(expect.arrayContaining(['LineOfAction.museumParticipants', 'Query.museumActivities', 'MuseumActivity']));
    expect(paths.filter((p) => !/^(Museum\w*|(Query|LineOfAction|Person)\.museum\w*)(\.|$)/.test(p))).toEqual([]);
  });

  it('`hub compose` writes the supergraph with the museum at its port; the repository\'s is untouched', () => {
    const result = scratch.hub('compose');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ Composed 6 subgraphs');
    const supergraph = read('schema', 'supergraph.graphql');
    expect(supergraph).toContain('MUSEUM @join__graph(name: "museum", url: "http://localhost:4006/graphql")');
    expect(supergraph).toMatch(/museumParticipants\(/);
    for (const partner of PARTNERS) {
      const graph = new RegExp(`^ *${partner.envPrefix} @join__graph\\(.*\\)$`, 'm');
      expect(supergraph.match(graph)?.[0]).toBe(repoSupergraph.match(graph)?.[0]);
    }
    // The dashboard contract hides the person-level field like every other partner's.
    expect(read('schema', 'supergraph.dashboard.graphql')).toMatch(/museumParticipations: .*@inaccessible/);
    expect(readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')).toBe(repoSupergraph);
  });

  /** The repository's own static test of deployment files, on the scratch copy (HUB_ROOT). */
  function deploymentTest(file: string) {
    const jest = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const result = spawnSync(process.execPath, ['--experimental-vm-modules', jest, '--json', file], {
      cwd: REPO_ROOT,
      env: scratch.env,
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout) as {
      numFailedTests: number;
      testResults: { assertionResults: { fullName: string; status: string }[] }[];
    };
    const tests = report.testResults.flatMap((suite) => suite.assertionResults);
    expect(tests.filter((test) => test.status !== 'passed').map((test) => test.fullName)).toEqual([]);
    expect(report.numFailedTests).toBe(0);
    expect(result.status).toBe(0);
    return tests.map((test) => test.fullName);
  }

  it('is deployable with the Docker files as `hub new` left them: the container checks pass on the museum too', () => {
    // Its subgraphs are those of the supergraph `hub compose` just wrote, the museum included.
    expect(deploymentTest('test/src/infra/dockerCompose.test.ts')).toEqual(
      expect.arrayContaining([
        'the museum subgraph container connects as hub_museum, a role of init.sql that can reach only that database',
        'the museum subgraph container is healthy only when its own /readyz says its database answers and is migrated',
        'the gateway container points its URL for museum at that service, its port and /graphql',
        'the hub image installs with the package.json of museum in place (npm ci needs every workspace\'s)',
      ]),
    );
  });

  it('is deployable on Kubernetes as `hub new` left the manifests: the museum has its own, valid and in step', () => {
    expect(existsSync(path.join(scratch.root, 'infra', 'kubernetes', 'museum.yaml'))).toBe(true);
    const tests = deploymentTest('test/src/infra/kubernetes.test.ts');
    expect(tests.filter((name) => name.startsWith('the museum subgraph ')).length).toBeGreaterThanOrEqual(4);
    expect(tests).toContain('infra/kubernetes/ has every file exactly as `hub deploy kubernetes` generates it (--check exits 0)');
  });

  it('passes the test the scaffold wrote for it', () => {
    const jest = path.join('node_modules', 'jest', 'bin', 'jest.js');
    const result = scratch.run(process.execPath, ['--experimental-vm-modules', jest, 'test/src/subgraphs/museum.e2e.ts']);
    expect(result.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(result.status).toBe(0);
  });
});

describe('`hub start` on the workspace with the museum', () => {
  let child: ChildProcess;
  const ports: Record<string, string> = {};
  let gateway = '';
  let output = '';

  beforeAll(async () => {
    for (const prefix of [...PARTNERS.map((partner) => partner.envPrefix), 'MUSEUM']) ports[`${prefix}_PORT`] = String(await freePort());
    ports.GATEWAY_PORT = String(await freePort());
    gateway = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    child = spawn(process.execPath, [file('cli', 'dist', 'bin.js'), 'start', '--memory', '--persons', '500'], {
      cwd: scratch.root,
      env: { ...scratch.env, ...ports },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    output = await waitForOutput(child, /#token=\S+/);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
  });

  const token = (...args: string[]) => {
    const result = scratch.hub('token', ...args);
    expect(result.status).toBe(0);
    return result.stdout.trim();
  };

  it('starts the museum subgraph with the five and the gateway', () => {
    expect(output).toContain(`museum subgraph ready at http://127.0.0.1:${ports.MUSEUM_PORT}/graphql`);
    for (const partner of PARTNERS) expect(output).toContain(`${partner.name} subgraph ready at`);
  });

  it("answers the museum's activities and its measure beside another partner's, for an analyst", async () => {
    const response = await postGraphQL<{ museumActivities: any; lineOfAction: any }>( // eslint-disable-line @typescript-eslint/no-explicit-any
      gateway,
      `{ museumActivities(first: 100) { totalCount edges { node { code lineOfAction { code name } } } }
         lineOfAction(code: JOB) { name museumParticipants(area: "esbjerg", ageBand: AGE_15_24) { unit suppressed }
           clubMembership(area: "esbjerg") { unit } } }`,
      undefined,
      token('--role', 'analyst'),
    );
    expect(response.errors).toBeUndefined();
    const activities = response.data!.museumActivities;
    expect(activities.totalCount).toBe(activities.edges.length);
    expect(activities.totalCount).toBeGreaterThan(0);
    // The line of action's name comes from the foundation, through the gateway's query plan.
    expect(activities.edges[0].node.lineOfAction.name).toEqual(expect.any(String));
    expect(response.data!.lineOfAction.museumParticipants).toMatchObject({ unit: 'COUNT' });
    expect(response.data!.lineOfAction.clubMembership).toEqual({ unit: 'COUNT' });
  });

  it("gives person-level museum fields to the museum's own staff only", async () => {
    // Persons of the seed `hub start --persons 500` wrote (the same world in every subgraph), as
    // many as the gateway's alias limit lets one query ask.
    const persons = generateWorld({ ...DEFAULT_WORLD_OPTIONS, persons: 500 }).persons.slice(0, 12);
    const query = `{ ${persons
      .map((person, i) => `p${i}: person(pseudonym: "${person.pseudonym}") { museumParticipations { tookPartOn activity { code } } }`)
      .join(' ')} }`;
    const staff = (organisation: string) => token('--role', 'partner-staff', '--partner', organisation, '--purpose', 'visit follow-up');
    const own = await postGraphQL<Record<string, { museumParticipations: unknown[] }>>(gateway, query, undefined, staff(MUSEUM.organisation));
    expect(own.errors).toBeUndefined();
    const lists = Object.values(own.data!).map((person) => person.museumParticipations);
    expect(lists.some((list) => list.length > 0)).toBe(true);
    const other = await postGraphQL(gateway, query, undefined, staff('jobcentre-esbjerg'));
    expect(other.errors?.map((error) => error.extensions?.code)).toEqual(persons.map(() => 'FORBIDDEN'));
  });
});

describe('`hub import museum` (the hub stopped)', () => {
  // Synthetic national IDs (no real person has them); the mapping the scaffold declares.
  const extract = [
    '# mapping: museum/participation v1',
    'cpr,activity,activity_name,line_of_action,took_part_on,district,estate',
    '150310-4001,homework-cafe,Homework café,LEARNING,2026-09-01,osterbyen,',
    '020608-5002,family-sunday,Family Sunday,CULTURE_LEISURE,2026-09-06,kvaglund,kvaglundparken',
    '111111-4003,science-club,Science club,LEARNING,2026-10-01,hedelund,hedelundgardparken',
  ].join('\n');

  it("loads an extract into the museum's own embedded database with the scaffold's mapping, once", () => {
    writeFileSync(file('participations.csv'), `${extract}\n`);
    const first = scratch.hub('import', 'museum', 'participations.csv', '--dev-linkage-key');
    expect(first.stderr).toContain(`into the museum embedded database (${file('.data', 'museum')})`);
    expect(first.stdout).toContain('museum/participation v1: 3 rows read, 3 loaded, 0 rejected');
    expect(first.stdout).toContain('activity: 3 new, 0 changed; participation: 3 new, 0 changed');
    expect(first.status).toBe(0);
    const again = scratch.hub('import', 'museum', 'participations.csv', '--dev-linkage-key');
    expect(again.stdout).toContain('activity: 0 new, 0 changed; participation: 0 new, 0 changed');
    expect(again.stdout + again.stderr).not.toMatch(/150310|020608|111111/);
  });

  it('lists the museum\'s mapping and its columns in `hub import --help`', () => {
    const help = scratch.hub('import', '--help').stdout;
    expect(help).toContain('museum/participation v1: Participations: one row per person, activity and day.');
    expect(help).toMatch(/activity_name +required +text/);
  });
});
