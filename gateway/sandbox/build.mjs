// Bundles the GraphQL sandbox (GraphiQL 5 + React 19 + Monaco workers) into static files in
// gateway/dist/sandbox/, so that the page loads nothing from outside the hub.
// Usage: node sandbox/build.mjs [--force]. Skips the build when the outputs are newer than every
// source in sandbox/ and no bundled package changed version since the last build.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = dirname(fileURLToPath(import.meta.url));
const gatewayDir = resolve(sourceDir, '..');
const outDir = join(gatewayDir, 'dist', 'sandbox');
const manifestPath = join(outDir, 'manifest.json');
const started = performance.now();

// Monaco and monaco-graphql are resolved from @graphiql/react, which pins the versions it needs.
const requireHere = createRequire(import.meta.url);
const requireGraphiql = createRequire(requireHere.resolve('@graphiql/react/package.json'));
const workerEntries = {
  'editor.worker': requireGraphiql.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': requireGraphiql.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': requireGraphiql.resolve('monaco-graphql/esm/graphql.worker.js'),
};

/** `name@version` of the package that contains each bundled node_modules file. */
function packagesOf(inputs) {
  const versions = {};
  for (const input of inputs) {
    const match = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match || versions[match[1] + match[2]]) continue;
    const pkgJson = join(gatewayDir, match[1] + match[2], 'package.json');
    versions[match[1] + match[2]] = existsSync(pkgJson) ? JSON.parse(readFileSync(pkgJson, 'utf8')).version : 'missing';
  }
  return versions;
}

function upToDate() {
  if (process.argv.includes('--force') || !existsSync(manifestPath)) return false;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const builtAt = statSync(manifestPath).mtimeMs;
  const ownSources = readdirSync(sourceDir).map((f) => join(sourceDir, f));
  const bundledSources = manifest.ownInputs.map((f) => join(gatewayDir, f));
  for (const file of [...ownSources, ...bundledSources]) {
    if (!existsSync(file) || statSync(file).mtimeMs > builtAt) return false;
  }
  if (manifest.outputs.some((f) => !existsSync(join(outDir, f)))) return false;
  // npm extracts packages with a fixed old mtime, so compare versions instead of dates.
  return JSON.stringify(packagesOf(Object.keys(manifest.packages).map((d) => d + '/'))) === JSON.stringify(manifest.packages);
}

if (upToDate()) {
  console.log(`sandbox: up to date (${relative(process.cwd(), outDir) || '.'})`);
  process.exit(0);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const common = {
  absWorkingDir: gatewayDir,
  bundle: true,
  minify: true,
  metafile: true,
  target: ['es2022'],
  outdir: outDir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file' },
  logLevel: 'warning',
};

// Workers first: classic (IIFE) scripts, so any browser can start them with `new Worker(url)`.
const workers = await build({ ...common, entryPoints: workerEntries, format: 'iife' });
const workerFiles = {};
for (const [file, output] of Object.entries(workers.metafile.outputs)) {
  const name = Object.keys(workerEntries).find((n) => output.entryPoint && resolve(gatewayDir, output.entryPoint) === workerEntries[n]);
  if (name) workerFiles[name.replace('.worker', '')] = relative(outDir, resolve(gatewayDir, file));
}

// The page: an ES module, split so that Monaco's and Prettier's lazy imports stay lazy.
const page = await build({
  ...common,
  entryPoints: { sandbox: join(sourceDir, 'main.tsx') },
  format: 'esm',
  splitting: true,
  jsx: 'automatic',
  // Only used for subscriptions over websockets, which the hub does not offer.
  external: ['graphql-ws'],
  define: { ...common.define, __SANDBOX_WORKERS__: JSON.stringify(workerFiles) },
});

const outputs = Object.keys({ ...workers.metafile.outputs, ...page.metafile.outputs }).map((f) => relative(outDir, resolve(gatewayDir, f)));
const [entryFile, entry] = Object.entries(page.metafile.outputs).find(([, o]) => o.entryPoint === 'sandbox/main.tsx');
const script = relative(outDir, resolve(gatewayDir, entryFile));
const stylesheet = entry.cssBundle ? relative(outDir, resolve(gatewayDir, entry.cssBundle)) : undefined;

// The page template: asset names filled in now; the server fills %ASSETS% and %CONFIG% per request.
const html = readFileSync(join(sourceDir, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `%ASSETS%${script}`)
  .replace('%STYLESHEET%', stylesheet ? `%ASSETS%${stylesheet}` : '');
writeFileSync(join(outDir, 'index.html'), html);

const inputs = [...Object.keys(workers.metafile.inputs), ...Object.keys(page.metafile.inputs)];
writeFileSync(
  manifestPath,
  JSON.stringify(
    {
      script,
      stylesheet,
      workers: workerFiles,
      outputs,
      ownInputs: [...new Set(inputs.filter((f) => !f.includes('node_modules/') && !f.startsWith('<')))],
      packages: packagesOf(inputs),
    },
    null,
    1,
  ),
);
console.log(`sandbox: built ${outputs.length} files into ${relative(process.cwd(), outDir)} in ${Math.round(performance.now() - started)} ms`);
