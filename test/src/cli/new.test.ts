import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PARTNERS, discoverPartners } from '@hub/core';
import { partnerNameProblem, planPartner } from '@hub/cli/dist/commands/new';
import { render, withProjectReference } from '@hub/cli/dist/commands/scaffold';
import { DOCKER_FILES, scratchWorkspace, type ScratchWorkspace } from './newWorkspace';

describe('`hub new` refuses a name it cannot use, with a clear message, and writes nothing', () => {
  let scratch: ScratchWorkspace;
  beforeAll(() => {
    scratch = scratchWorkspace();
  });
  afterAll(() => scratch.remove());

  it.each([
    ['Museum'],
    ['../museum'],
    ['museum/../../etc'],
    ['/tmp/museum'],
    ['museum; rm -rf ~'],
    ['$(id)'],
    ['mu seum'],
    ['-museum'],
    ['museum-'],
    ['mu--seum'],
    ['mu_seum'],
    ['9lives'],
    ['müseum'],
    ['museum\n'],
    [''],
    ['a'.repeat(41)],
  ])('%j is not a partner name', (name) => {
    expect(partnerNameProblem(name, scratch.root)).toMatch(/is not a partner name: use kebab-case/);
  });

  it.each([
    ['gateway', /reserved: its settings \(GATEWAY_PORT/],
    ['hub', /reserved: its settings \(HUB_PORT/],
    ['class', /reserved: it is a word of JavaScript/],
    ['new', /reserved: it is a word of JavaScript/],
    ['run-subgraph', /reserved: it is a word of JavaScript or of the scaffold's code/],
    ['jobcentre', /taken: subgraphs\/jobcentre exists already \(Jobcentre Esbjerg\)/],
  ])('%s is refused: %s', (name, message) => {
    expect(partnerNameProblem(name, scratch.root)).toMatch(message);
  });

  it('a folder in subgraphs/ takes its name, even without a package.json', () => {
    mkdirSync(path.join(scratch.root, 'subgraphs', 'museum'));
    try {
      expect(partnerNameProblem('museum', scratch.root)).toMatch(/taken: subgraphs\/museum exists already\.$/);
    } finally {
      rmSync(path.join(scratch.root, 'subgraphs', 'museum'), { recursive: true });
    }
  });

  it('kebab-case names are accepted, with a title, organisation and the next free port to start with', () => {
    expect(partnerNameProblem('museum', scratch.root)).toBeUndefined();
    const next = Math.max(...PARTNERS.map((partner) => partner.defaultPort)) + 1;
    expect(planPartner('business-esbjerg', {}, scratch.root)).toEqual({
      partner: 'business-esbjerg',
      title: 'Business Esbjerg',
      organisation: 'business-esbjerg',
      port: next,
    });
  });

  it('reports every problem of the options at once', () => {
    expect(
      planPartner('museum', { title: 'Two\nlines', organisation: 'vindrosen', port: 4003 }, scratch.root),
    ).toEqual([
      '--title: the title must be one line of text',
      '--port: 4003 is the port of jobcentre.',
      expect.stringMatching(/^--organisation: "vindrosen" runs volunteer-centre already/),
    ]);
    expect(planPartner('museum', { organisation: 'Museum Org', port: 80, title: ' ' }, scratch.root)).toEqual([
      '--title: the title must not be empty',
      expect.stringMatching(/^--organisation: the organisation code must be kebab-case/),
      '--port: the port must be 1024-65535',
    ]);
    expect(planPartner('museum', { port: 4000 }, scratch.root)).toEqual(['--port: 4000 is the port of the gateway.']);
  });

  it('reports a bad name alone, not again through the title and organisation made from it', () => {
    expect(planPartner('', {}, scratch.root)).toEqual([expect.stringMatching(/^"" is not a partner name/)]);
    expect(planPartner('-', { title: ' ' }, scratch.root)).toEqual([
      expect.stringMatching(/^"-" is not a partner name/),
      '--title: the title must not be empty',
    ]);
  });

  const contents = () => ['tsconfig.json', ...DOCKER_FILES].map((file) => readFileSync(path.join(scratch.root, file), 'utf8'));

  it('the real command exits 2 and leaves the workspace as it was', () => {
    const before = scratch.listing();
    const files = contents();
    for (const args of [['../etc'], [''], ['museum', '--port', 'abc'], ['museum', '--organisation', 'lauritzen-foundation'], []]) {
      const result = scratch.hub('new', ...args);
      expect([args, result.status]).toEqual([args, 2]);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toBe('');
    }
    expect(scratch.hub('new', '../etc').stderr).toContain('✖ "../etc" is not a partner name');
    expect(scratch.listing()).toEqual(before);
    expect(contents()).toEqual(files);
  });

  it('a Docker file it cannot add the partner to stops it before anything is written', () => {
    const dockerfile = path.join(scratch.root, 'infra', 'Dockerfile');
    const text = readFileSync(dockerfile, 'utf8');
    writeFileSync(dockerfile, text.replace(/^COPY subgraphs\/.*\n/gm, ''));
    try {
      const before = scratch.listing();
      const files = contents();
      const result = scratch.hub('new', 'museum');
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('✖ infra/Dockerfile: no "COPY subgraphs/<partner>/package.json subgraphs/<partner>/" line');
      expect(result.stderr).toContain('Nothing was written.');
      expect(scratch.listing()).toEqual(before);
      expect(contents()).toEqual(files);
    } finally {
      writeFileSync(dockerfile, text);
    }
  });

  it('a partner not built yet stops only the commands that load the subgraphs, saying so', () => {
    const folder = path.join(scratch.root, 'subgraphs', 'school');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'package.json'),
      JSON.stringify({ name: '@hub/subgraph-school', main: 'dist/index.js', hub: { partner: 'school', title: 'School', organisation: 'school', port: 4006 } }),
    );
    try {
      expect(scratch.hub('token', '--role', 'analyst', '--partner', 'school').status).toBe(0);
      expect(scratch.hub('new', '--help').status).toBe(0);
      const compose = scratch.hub('compose');
      expect(compose.status).toBe(1);
      expect(compose.stderr).toContain(`The school subgraph (${folder}) is not built: run npm run build.`);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});

describe('partners are discovered from the "hub" block of subgraphs/*/package.json', () => {
  let root: string;
  const write = (name: string, hub: unknown) => {
    mkdirSync(path.join(root, 'subgraphs', name), { recursive: true });
    writeFileSync(path.join(root, 'subgraphs', name, 'package.json'), JSON.stringify({ name: `@hub/subgraph-${name}`, hub }));
  };
  const block = (partner: string, port: number, organisation = `${partner}-org`) => ({ partner, title: `The ${partner}`, organisation, port });

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'hub-discover-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('in the order of their ports, with their settings prefix and folder; a folder without package.json is no package', () => {
    write('museum', block('museum', 4007));
    write('business-esbjerg', block('business-esbjerg', 4006));
    mkdirSync(path.join(root, 'subgraphs', 'notes'));
    expect(discoverPartners(root)).toEqual([
      {
        name: 'business-esbjerg',
        envPrefix: 'BUSINESS_ESBJERG',
        defaultPort: 4006,
        title: 'The business-esbjerg',
        organisation: 'business-esbjerg-org',
        directory: path.join(root, 'subgraphs', 'business-esbjerg'),
      },
      expect.objectContaining({ name: 'museum', envPrefix: 'MUSEUM', defaultPort: 4007 }),
    ]);
  });

  it('the five founding partners keep their ports, settings and organisations', () => {
    expect(PARTNERS.map(({ name, envPrefix, defaultPort, organisation }) => [name, envPrefix, defaultPort, organisation])).toEqual([
      ['municipality', 'MUNICIPALITY', 4001, 'esbjerg-municipality'],
      ['housing-association', 'HOUSING_ASSOCIATION', 4002, 'ungdomsbo'],
      ['jobcentre', 'JOBCENTRE', 4003, 'jobcentre-esbjerg'],
      ['volunteer-centre', 'VOLUNTEER_CENTRE', 4004, 'vindrosen'],
      ['foundation', 'FOUNDATION', 4005, 'lauritzen-foundation'],
    ]);
  });

  it.each<[string, () => void, RegExp]>([
    ['a package without a hub block', () => write('museum', undefined), /museum\/package.json needs a valid "hub" block/],
    ['a block with a bad port', () => write('museum', { ...block('museum', 4006), port: '4006' }), /port/],
    ['a block with a key it does not know', () => write('museum', { ...block('museum', 4006), url: 'x' }), /Unrecognized key: "url"/],
    ['a block naming another folder', () => write('museum', block('school', 4006)), /"hub.partner" is "school" but the folder is "museum"/],
    ['two partners on one port', () => (write('museum', block('museum', 4006)), write('school', block('school', 4006))), /"museum" and "school" have the same defaultPort 4006/],
    ['two partners of one organisation', () => (write('museum', block('museum', 4006, 'x')), write('school', block('school', 4007, 'x'))), /same organisation x/],
    ['a partner on the gateway\'s port', () => write('museum', block('museum', 4000)), /port 4000, the gateway's/],
    ['no partner at all', () => mkdirSync(path.join(root, 'subgraphs')), /No partner subgraphs in/],
  ])('refuses %s, saying what is wrong', (_case, arrange, message) => {
    arrange();
    expect(() => discoverPartners(root)).toThrow(message);
  });
});

describe('the scaffold writer', () => {
  it('fills every placeholder, and refuses one it has no value for', () => {
    expect(render('export const {{camel}} = "{{partner}}";', { camel: 'businessEsbjerg', partner: 'business-esbjerg' })).toBe(
      'export const businessEsbjerg = "business-esbjerg";',
    );
    expect(() => render('{{Pascal}}Activity', { camel: 'museum' })).toThrow('Template placeholder {{Pascal}} has no value.');
  });

  describe('adds a project reference to tsconfig.json', () => {
    it('on a line of its own after the last subgraph, keeping the layout; once', () => {
      const text = '{\n  "references": [\n    { "path": "core" },\n    { "path": "subgraphs/jobcentre" },\n    { "path": "cli" }\n  ]\n}\n';
      const added = withProjectReference(text, 'subgraphs/museum');
      expect(added).toBe(
        '{\n  "references": [\n    { "path": "core" },\n    { "path": "subgraphs/jobcentre" },\n    { "path": "subgraphs/museum" },\n    { "path": "cli" }\n  ]\n}\n',
      );
      expect(withProjectReference(added!, 'subgraphs/museum')).toBeUndefined();
    });

    it('when the last subgraph ends the list too', () => {
      const added = withProjectReference('{\n  "references": [\n    { "path": "subgraphs/jobcentre" }\n  ]\n}\n', 'subgraphs/museum');
      expect(JSON.parse(added!).references).toEqual([{ path: 'subgraphs/jobcentre' }, { path: 'subgraphs/museum' }]);
    });

    it('in another layout, as formatted JSON', () => {
      const added = withProjectReference('{"files":[],"references":[{"path":"core"}]}', 'subgraphs/museum');
      expect(JSON.parse(added!)).toEqual({ files: [], references: [{ path: 'core' }, { path: 'subgraphs/museum' }] });
    });
  });
});
