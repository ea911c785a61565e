// What `hub new` adds to docker-compose.yml, infra/postgres/init.sql, infra/Dockerfile and infra/kubernetes/, on the
// repository's own files (read, never written): a founding partner's entries with the new
// partner's names, where the founding partners' are, nothing else changed, and nothing twice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEPLOYMENT_FILES, planDeployment } from '@hub/cli/dist/deployment/planDeployment';
import { MissingAnchor, deployedPartner } from '@hub/cli/dist/deployment/deployedPartner';
import { REPO_ROOT } from './newWorkspace';

const original = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const editor = (file: string) => DEPLOYMENT_FILES.find(([name]) => name === file)![1];
const block = (partner: string, port: number) => ({ partner, title: 'A new partner', organisation: `${partner}-org`, port });

/** `text` with a founding partner's names and port turned into the new partner's. */
function renamed(text: string, from: string, to: string, ports: [number, number]): string {
  const spellings = (name: string) => [name, name.replace(/-/g, '_'), name.replace(/-/g, '_').toUpperCase()];
  const [toSpellings, fromSpellings] = [spellings(to), spellings(from)];
  return fromSpellings
    .reduce((result, spelling, i) => result.replaceAll(spelling, toSpellings[i]), text)
    .replaceAll(String(ports[0]), String(ports[1]));
}

/** Whether every line of `before` is in `after`, in the same order. */
function keepsEveryLine(before: string, after: string): boolean {
  const rest = after.split('\n');
  return before.split('\n').every((line) => {
    const at = rest.indexOf(line);
    rest.splice(0, at + 1);
    return at >= 0;
  });
}

// A new partner is added the way of a founding one: museum like the foundation, a two-word name
// like the housing association.
describe.each([
  ['museum', 4006, 'foundation', 4005],
  ['business-esbjerg', 4010, 'housing-association', 4002],
])('`hub new %s` (port %d) adds it to the Docker files as they have %s', (name, port, model, modelPort) => {
  const partner = deployedPartner(block(name, port));
  const edited = (file: string) => editor(file)(original(file), partner);
  const like = (text: string) => renamed(text, model, name, [modelPort, port]);

  it('docker-compose.yml: its service, its password for postgres, its URL and dependency for the gateway; comments kept', () => {
    const before = original('docker-compose.yml');
    const after = edited('docker-compose.yml');
    const expected = parse(before, { merge: true });
    const prefix = partner.envPrefix;
    const modelPrefix = model.replace(/-/g, '_').toUpperCase();
    expected.services[name] = JSON.parse(like(JSON.stringify(expected.services[model])));
    expected.services.postgres.environment[`${prefix}_DB_PASSWORD`] = like(expected.services.postgres.environment[`${modelPrefix}_DB_PASSWORD`]);
    expected.services.gateway.environment[`${prefix}_URL`] = like(expected.services.gateway.environment[`${modelPrefix}_URL`]);
    expected.services.gateway.depends_on[name] = { condition: 'service_healthy' };
    expect(parse(after.text, { merge: true })).toEqual(expected);
    expect(after.text).toContain(`\n  ${name}:\n    <<: *subgraph\n    command: ["node", "subgraphs/${name}/dist/server.js"]\n`);
    expect(keepsEveryLine(before, after.text)).toBe(true);
    // The service's 10 lines and a blank one, a password, a URL, a dependency of 2 lines.
    expect(after.text.split('\n').length - before.split('\n').length).toBe(15);
    expect(after.added).toEqual([`service ${name}`, `${prefix}_DB_PASSWORD for postgres`, `${prefix}_URL for the gateway`, 'the gateway waits for it to be healthy']);
  });

  it('infra/postgres/init.sql: its role and database, after the last partner\'s block', () => {
    const before = original('infra/postgres/init.sql');
    const modelVariable = `${model.replace(/-/g, '_')}_password`;
    const modelBlock = new RegExp(`^-- ${model} -+\\n[^]*?^\\\\unset ${modelVariable}$`, 'm').exec(before)![0];
    const heading = modelBlock.split('\n')[0];
    const newBlock = like(modelBlock).replace(/^-- .*$/m, `-- ${name} `.padEnd(heading.length, '-'));
    const lastEnd = [...before.matchAll(/^\\unset \w+_password$/gm)].at(-1)!;
    const at = lastEnd.index + lastEnd[0].length;
    expect(edited('infra/postgres/init.sql')).toEqual({
      text: `${before.slice(0, at)}\n\n${newBlock}${before.slice(at)}`,
      added: [`role and database ${partner.role}`],
    });
  });

  it('infra/Dockerfile: the COPY of its package.json after the last partner\'s, and its port exposed', () => {
    const before = original('infra/Dockerfile');
    const lastCopy = [...before.matchAll(/^COPY subgraphs\/.*$/gm)].at(-1)![0];
    expect(edited('infra/Dockerfile')).toEqual({
      text: before
        .replace(`${lastCopy}\n`, `${lastCopy}\nCOPY subgraphs/${name}/package.json subgraphs/${name}/\n`)
        .replace(/^(EXPOSE .*)$/m, `$1 ${port}`),
      added: ['COPY of its package.json', `EXPOSE ${port}`],
    });
  });

  it.each(DEPLOYMENT_FILES.map(([file]) => [file]))('%s: once, however often it is asked', (file) => {
    const once = edited(file).text;
    expect(editor(file)(once, partner)).toEqual({ text: once, added: [] });
  });
});

describe('`hub new museum` regenerates infra/kubernetes/ with the museum (planned, not written)', () => {
  const edits = planDeployment(block('museum', 4006), REPO_ROOT).edits;
  const edit = (file: string) => edits.find((candidate) => candidate.file === path.join(REPO_ROOT, 'infra', 'kubernetes', file));

  it('adds its manifests, points the gateway at it and lists its file, the other partners\' files unchanged', () => {
    expect(edit('museum.yaml')?.text).toContain('command:\n            - node\n            - subgraphs/museum/dist/server.js');
    expect(edit('gateway.yaml')?.text).toContain('- name: MUSEUM_URL\n              value: http://museum:4006/graphql');
    expect(parse(edit('kustomization.yaml')!.text).resources).toContain('museum.yaml');
    const kubernetes = edits.filter((candidate) => path.dirname(candidate.file) === path.join(REPO_ROOT, 'infra', 'kubernetes'));
    expect(kubernetes.map((candidate) => path.basename(candidate.file)).sort()).toEqual([
      'gateway.yaml',
      'kustomization.yaml',
      'museum.yaml',
    ]);
  });
});

describe('`hub new` refuses a Docker file without the entries the new partner\'s go beside', () => {
  const museum = deployedPartner(block('museum', 4006));

  it.each<[string, (text: string) => string, RegExp]>([
    ['docker-compose.yml', (text) => text.replaceAll('healthcheck-timing', 'timing'), /no "&healthcheck-timing" fragment/],
    ['docker-compose.yml', (text) => text.replace(/^ {6}\w+_DB_PASSWORD: .*\n/gm, ''), /no <PREFIX>_DB_PASSWORD for postgres/],
    ['docker-compose.yml', (text) => text.replace(/subgraphs\/([\w-]+)\/dist\/server\.js/g, 'subgraphs/$1/server.js'), /no partner service/],
    ['docker-compose.yml', (text) => `${text}\n  - not: [yaml`, /is not valid YAML/],
    ['infra/postgres/init.sql', (text) => text.replace(/^\\unset .*$/gm, ''), /no partner block ends with "\\unset <partner>_password"/],
    ['infra/Dockerfile', (text) => text.replace(/^COPY subgraphs\/.*\n/gm, ''), /no "COPY subgraphs\/<partner>\/package\.json/],
  ])('%s, changed by %s, is refused: %s', (file, change, message) => {
    expect(() => editor(file)(change(original(file)), museum)).toThrow(MissingAnchor);
    expect(() => editor(file)(change(original(file)), museum)).toThrow(message);
  });

  it('names every file that is missing, and plans no edit', () => {
    const root = path.join(REPO_ROOT, 'test', 'src', 'cli');
    const plan = planDeployment(block('museum', 4006), root);
    expect(plan.edits).toEqual([]);
    expect(plan.problems).toEqual(
      DEPLOYMENT_FILES.map(([file]) => `${file} is missing from ${root}: hub new adds museum's container setup to it.`),
    );
  });
});
