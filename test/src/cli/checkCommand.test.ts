import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withField, withoutField } from './checkSdl';

const REPO_ROOT = path.resolve(__dirname, '../../..');

function hub(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['cli/dist/bin.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The real `hub check` process against the checked-in supergraph (kept fresh by
// test/src/schema/supergraph.test.ts and `npm run check:supergraph`).
describe('`hub check jobcentre --schema <file>`', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-check-'));
  let current: string;

  const proposal = (name: string, sdl: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, sdl);
    return file;
  };

  beforeAll(() => {
    const printed = hub('check', 'jobcentre', '--print-schema');
    expect(printed.status).toBe(0);
    current = printed.stdout;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the current subgraph SDL with --print-schema, and passes it unchanged with exit code 0', () => {
    expect(current).toContain('type LineOfAction @key(fields: "code")');
    const result = hub('check', 'jobcentre', '--schema', proposal('unchanged.graphql', current));
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('✔ jobcentre: no changes to the graph; safe to deploy.');
  });

  it('exits 1 on a removed field, with a summary line and one line per change', () => {
    const file = proposal('removed.graphql', withoutField(current, 'LineOfAction', 'benefitShare'));
    const result = hub('check', 'jobcentre', '--schema', file);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('✖ jobcentre: 1 breaking change, 0 dangerous, 0 safe; do not deploy as it is.');
    expect(lines).toContain(`  proposed: ${file}`);
    expect(lines).toContain('Supergraph API (what clients query):');
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}BREAKING {3}LineOfAction\.benefitShare +Field 'benefitShare' was removed from object type 'LineOfAction'$/),
    );
  });

  it('exits 0 on an added nullable field, listed as safe', () => {
    const result = hub('check', 'jobcentre', '--schema', proposal('added.graphql', withField(current, 'Initiative', 'applicants: Measure')));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✔ jobcentre: 0 breaking changes, 0 dangerous, 1 safe; safe to deploy\.$/m);
    expect(result.stdout).toMatch(/^ {2}safe {7}Initiative\.applicants +Field 'applicants' was added/m);
  });

  it('exits 1 when the proposal does not compose, naming the subgraphs, the field and the line in the file', () => {
    const file = proposal('shared.graphql', withField(current, 'Initiative', 'name: String!'));
    const result = hub('check', 'jobcentre', '--schema', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^✖ jobcentre: the proposed schema does not compose with the other subgraphs \(1 composition error\)/);
    expect(result.stdout).toContain('error INVALID_FIELD_SHARING: Initiative.name in foundation, jobcentre');
    expect(result.stdout).toMatch(new RegExp(`at jobcentre Initiative\\.name \\(${file.replace(/[.\\/]/g, '\\$&')}, line \\d+, column 3\\)`));
  });

  it('prints the same report as JSON with --json, with the same exit code', () => {
    const file = proposal('removed.graphql', withoutField(current, 'LineOfAction', 'benefitShare'));
    const result = hub('check', 'jobcentre', '--schema', file, '--json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ partner: 'jobcentre', schemaFile: file, composed: true, ok: false, breaking: 1 });
    expect(report.changes).toContainEqual(
      expect.objectContaining({ scope: 'api', criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'LineOfAction.benefitShare' }),
    );
  });

  it('refuses an unknown partner and a missing file as usage errors, exit code 2 (1 means a breaking change)', () => {
    const unknown = hub('check', 'bakery');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Allowed choices are municipality, housing-association, jobcentre, volunteer-centre, foundation");
    const missing = hub('check', 'jobcentre', '--schema', path.join(dir, 'nowhere.graphql'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cannot read --schema');
  });
});
