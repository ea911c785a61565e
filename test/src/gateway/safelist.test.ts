import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import {
  MANIFEST_PATH,
  OPERATION_DIRS,
  Safelist,
  buildManifest,
  readManifest,
  safelistModeFromEnv,
  sha256,
} from '@hub/gateway';

describe('the list of registered operations', () => {
  it('is up to date with the registered .graphql files (run `npm run operations`)', () => {
    expect(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'))).toEqual(buildManifest(OPERATION_DIRS));
  });

  it('is Apollo\'s persisted query manifest, each id the SHA-256 of its body, the hub\'s own flagship included', () => {
    const manifest = readManifest(MANIFEST_PATH);
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    for (const operation of manifest.operations) {
      expect(operation.id).toBe(sha256(operation.body));
      expect(parse(operation.body).definitions[0]).toMatchObject({ kind: 'OperationDefinition' });
    }
    expect(manifest.operations.map((operation) => operation.name)).toContain('JobLineOfAction');
  });

  it('recognises a registered operation sent as text laid out differently, and nothing else', () => {
    const body = 'query Areas {\n  areas(first: 3) {\n    totalCount\n  }\n}';
    const list = new Safelist({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(body), name: 'Areas', type: 'query', body }] }, 'enforce');
    expect(list.allows(sha256(body), body)).toBe(true);
    const compact = 'query Areas{areas(first:3){totalCount}}';
    expect(list.allows(sha256(compact), `# a comment\n${compact}`)).toBe(true);
    const other = 'query Areas{areas(first:4){totalCount}}';
    expect(list.allows(sha256(other), other)).toBe(false);
  });

  it('reads HUB_SAFELIST: enforce or off, and refuses anything else', () => {
    expect(safelistModeFromEnv({})).toBe('off');
    expect(safelistModeFromEnv({ HUB_SAFELIST: 'enforce' })).toBe('enforce');
    expect(() => safelistModeFromEnv({ HUB_SAFELIST: 'on' })).toThrow(/HUB_SAFELIST must be "enforce" or "off", got "on"/);
  });
});
