import { readFileSync } from 'node:fs';
import {
  DASHBOARD_SUPERGRAPH_PATH,
  SUBGRAPHS,
  SUPERGRAPH_PATH,
  composeSupergraph,
  subgraphSdl,
  dashboardSubgraph,
} from '@hub/schema';
import { PARTNER_NAMES } from '@hub/core';

describe('the checked-in supergraph', () => {
  it('equals a fresh composition of the five subgraphs (run `npm run compose` when it does not)', async () => {
    const sdls = [];
    for (const definition of SUBGRAPHS) sdls.push(await subgraphSdl(definition));
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph(sdls));
  });

  it('has a dashboard contract equal to a fresh composition without person-level elements', async () => {
    const sdls = [];
    for (const definition of SUBGRAPHS) sdls.push(dashboardSubgraph(await subgraphSdl(definition)));
    expect(readFileSync(DASHBOARD_SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph(sdls));
  });

  it('names every partner as a subgraph', () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
    expect(names.sort()).toEqual([...PARTNER_NAMES].sort());
  });

  it('reports a composition error in plain words, naming the subgraphs and the field', async () => {
    const municipality = await subgraphSdl(SUBGRAPHS[0]);
    const copy = { ...municipality, name: 'copy-of-municipality' };
    expect(() => composeSupergraph([municipality, copy])).toThrow(
      /INVALID_FIELD_SHARING\].*"Area\.name".*"copy-of-municipality"/,
    );
  });
});
