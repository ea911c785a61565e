import { writeFileSync } from 'node:fs';
import { buildManifest, MANIFEST_PATH, OPERATION_DIRS } from './manifest';

/** `npm run operations`: regenerates schema/persisted-operations.json from the registered .graphql files. */
function main(): void {
  const manifest = buildManifest(OPERATION_DIRS);
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.operations.length} operations written to ${MANIFEST_PATH}`);
}

if (require.main === module) main();
