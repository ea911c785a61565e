#!/usr/bin/env node
// What npm links as `hub` (node_modules/.bin/hub, so `npx hub ...` works). It is committed, not
// built: npm links a package's bin when it installs, before anything is compiled, and skips one
// whose file is missing. It runs the compiled command, or says how to make it.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'bin.js');
if (!existsSync(built)) {
  const root = path.resolve(__dirname, '..', '..');
  console.error(`hub is not built yet (no ${path.relative(root, built)}): run "npm run build" in ${root} first.`);
  process.exit(1);
}
require(built);
