// Bundles the dashboard (plain TypeScript DOM + chart.js) into static files in gateway/dist/dashboard/,
// so that the page loads nothing from outside the hub. Usage: node dashboard/build.mjs.
// esbuild takes well under a second here, so it always builds, but writes only files whose content
// changed and removes outputs of earlier builds: a gateway serving the folder keeps working.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(sourceDir, '..', 'dist', 'dashboard');
const assetDir = join(outDir, 'assets');
const started = performance.now();
// Built by `tsc -b`, which `npm run build` runs first: the same code that writes the safelist.
const { registeredOperation, OPERATION_DIRS } = createRequire(import.meta.url)('../dist/safelist/manifest.js');

/**
 * `import LINES_OF_ACTION from '../operations/LinesOfAction.graphql'` gives the operation's text
 * exactly as schema/persisted-operations.json registers it (its fragments from the files beside it),
 * so the gateway recognises it under HUB_SAFELIST=enforce.
 */
const registeredOperations = {
  name: 'registered-operations',
  setup(bundle) {
    bundle.onLoad({ filter: /\.graphql$/ }, ({ path }) => ({
      contents: `export default ${JSON.stringify(registeredOperation(path).body)};`,
      loader: 'js',
      watchDirs: OPERATION_DIRS,
    }));
  },
};

const result = await build({
  entryPoints: { dashboard: join(sourceDir, 'main.ts') },
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'esm',
  target: ['es2022'],
  outdir: assetDir,
  entryNames: '[name]-[hash]',
  metafile: true,
  write: false,
  plugins: [registeredOperations],
  logLevel: 'warning',
});

const entry = (extension) => result.outputFiles.find((f) => f.path.endsWith(extension) && basename(f.path).startsWith('dashboard-'));
const assetName = (extension) => basename(entry(extension).path);
// The page template: asset names filled in now; the server fills %ASSETS% and %ENDPOINT% per request.
const html = readFileSync(join(sourceDir, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `%ASSETS%${assetName('.js')}`)
  .replace('%STYLESHEET%', `%ASSETS%${assetName('.css')}`);
const files = new Map(result.outputFiles.map((f) => [join('assets', basename(f.path)), Buffer.from(f.contents)]));
files.set('page.html', Buffer.from(html));

mkdirSync(assetDir, { recursive: true });
let written = 0;
for (const [name, contents] of files) {
  const path = join(outDir, name);
  if (existsSync(path) && readFileSync(path).equals(contents)) continue;
  writeFileSync(path, contents);
  written += 1;
}
for (const name of readdirSync(assetDir)) if (!files.has(join('assets', name))) rmSync(join(assetDir, name));

const where = relative(process.cwd(), outDir);
const took = Math.round(performance.now() - started);
console.log(written ? `dashboard: built ${written} of ${files.size} files into ${where} in ${took} ms` : `dashboard: up to date (${where})`);
