import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  SUBGRAPHS,
  composeSubgraphs,
  composeSupergraph,
  dashboardSubgraph,
  describeProblem,
  subgraphSdl,
  type SubgraphSdl,
} from '@hub/schema';

const REPO_ROOT = path.resolve(__dirname, '../../..');

describe('`hub compose`', () => {
  let sdls: SubgraphSdl[];
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-compose-'));

  beforeAll(async () => {
    sdls = [];
    for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(definition));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('composes the same supergraph text as `npm run compose`', () => {
    const composition = composeSubgraphs(sdls);
    expect(composition.errors).toEqual([]);
    expect(composition.supergraphSdl).toBe(composeSupergraph(sdls));
  });

  it('writes the supergraph and the dashboard contract, and exits 0', () => {
    const result = spawnSync(process.execPath, ['cli/dist/bin.js', 'compose', '--out-dir', dir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✔ Composed 5 subgraphs');
    expect(readFileSync(path.join(dir, 'supergraph.graphql'), 'utf8')).toBe(composeSupergraph(sdls));
    expect(readFileSync(path.join(dir, 'supergraph.dashboard.graphql'), 'utf8')).toBe(
      composeSupergraph(sdls.map(dashboardSubgraph)),
    );
  });

  it('explains a composition error with the subgraphs, the type, the field and the lines', () => {
    const municipality = sdls.find((subgraph) => subgraph.name === 'municipality')!;
    const copy = { ...municipality, name: 'copy-of-municipality' };
    const composition = composeSubgraphs([municipality, copy]);
    expect(composition.supergraphSdl).toBeUndefined();
    const sharing = composition.errors.find((error) => error.message.includes('"Area.name"'))!;
    expect(sharing.code).toBe('INVALID_FIELD_SHARING');
    expect(sharing.locations).toEqual(
      expect.arrayContaining([
        { subgraph: 'municipality', coordinate: 'Area.name', line: expect.any(Number), column: 3 },
        { subgraph: 'copy-of-municipality', coordinate: 'Area.name', line: expect.any(Number), column: 3 },
      ]),
    );
    for (const location of sharing.locations) {
      expect(municipality.sdl.split('\n')[location.line - 1]).toMatch(/^ {2}name: /);
    }
    const text = describeProblem(sharing).join('\n');
    expect(text.split('\n')[0]).toMatch(/^ {2}error INVALID_FIELD_SHARING: Area\.name in (municipality, copy-of-municipality|copy-of-municipality, municipality)$/);
    expect(text).toMatch(/ {4}at copy-of-municipality Area\.name \(line \d+, column 3\)/);
  });
});
