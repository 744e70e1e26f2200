#!/usr/bin/env node
// Post-build step shared by every package: marks dist/esm as ESM and dist/cjs as CommonJS so
// Node picks the right loader for each half of the dual build.
const fs = require('node:fs');
const path = require('node:path');

const dist = path.resolve(process.cwd(), 'dist');
fs.writeFileSync(path.join(dist, 'esm', 'package.json'), '{"type":"module"}\n');
fs.writeFileSync(path.join(dist, 'cjs', 'package.json'), '{"type":"commonjs"}\n');

// A module loaded on first use is required through `createRequire(__filename)` in the sources
// (what jest and the CommonJS build run); the ES module build has no `__filename`, so it gets
// `createRequire(import.meta.url)` instead. Resolution starts at the same file either way.
// (esbuild may rename the import in a bundle: createRequire2.)
const LAZY = /\b(createRequire\d*)\(__filename\)/g;
function rewriteEsm(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) rewriteEsm(file);
    else if (entry.name.endsWith('.js')) {
      const text = fs.readFileSync(file, 'utf8');
      const rewritten = text.replace(LAZY, '$1(import.meta.url)');
      if (rewritten !== text) fs.writeFileSync(file, rewritten);
    }
  }
}
rewriteEsm(path.join(dist, 'esm'));
