import { readFileSync } from 'node:fs';
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { DASHBOARD_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@hub/schema';

// The benchmark compares the hub's gateway with Hive Gateway serving the same supergraph, so Hive
// must be able to load ours. Hive plans with @graphql-tools/federation (schema stitching), which
// refuses a supergraph that Apollo composition accepts when a type is returned only by @requires
// fields in several subgraphs ("Multiple canonical definitions"): schema/README.md, "a type
// returned by @requires fields is owned by one subgraph".
describe('the checked-in supergraphs in Hive Gateway', () => {
  it.each([
    ['supergraph.graphql', SUPERGRAPH_PATH],
    ['supergraph.dashboard.graphql', DASHBOARD_SUPERGRAPH_PATH],
  ])('%s loads into the stitched schema Hive Gateway serves', (_name, path) => {
    const schema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: readFileSync(path, 'utf8') });
    expect(schema.getQueryType()?.getFields()).toHaveProperty('lineOfAction');
  });

  it('refuses a type returned only by @requires fields of two subgraphs (why the rule exists)', () => {
    // The jobcentre's reading typed like the municipality's: two subgraphs now own one type.
    const shared = readFileSync(SUPERGRAPH_PATH, 'utf8').replace(
      /jobcentreReading: JobcentreIndicatorReading/g,
      'jobcentreReading: MunicipalityIndicatorReading',
    );
    const withJobcentre = shared.replace(
      /(type MunicipalityIndicatorReading\n\s+@join__type\(graph: FOUNDATION\))/,
      '$1\n  @join__type(graph: JOBCENTRE)',
    );
    expect(withJobcentre).not.toBe(shared);
    expect(() => getStitchedSchemaFromSupergraphSdl({ supergraphSdl: withJobcentre })).toThrow(
      'Multiple canonical definitions for "MunicipalityIndicatorReading"',
    );
  });
});
