#!/usr/bin/env node
// Build step shared by every package, after tsc has written the declarations: each entry point
// becomes one JavaScript file per format, bundled by esbuild from src/ (the package's own modules
// inlined, every other package external), with a source map that carries the TypeScript
// sources. The sources stay small files; what Node loads is one module per entry point instead
// of one per source file (@proc/telemetry's import went from 208 of our modules to 11,
// docs/benchmarks.md "Cold start").
//
// Entry points: every `./dist/<cjs|esm>/<name>.js` in package.json's `exports` and `bin`, and the
// `src/*.ts` files given as arguments (what the package's own scripts load by path). Each entry
// is bundled on its own: a module two entries import is evaluated once per entry, so an entry
// that must share state with the main one takes it from the main one at run time (see
// @proc/telemetry's register/), never by importing the stateful module itself.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const packageDir = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

function targets(value, found = []) {
  if (typeof value === 'string') found.push(value);
  else if (value !== null && typeof value === 'object') {
    for (const nested of Object.values(value)) targets(nested, found);
  }
  return found;
}

const entries = new Set(process.argv.slice(2));
for (const target of targets([manifest.exports, manifest.bin])) {
  const match = /^\.\/dist\/(?:cjs|esm)\/(.+)\.js$/.exec(target);
  if (match) entries.add(`src/${match[1]}.ts`);
}
for (const entry of entries) {
  if (!fs.existsSync(path.join(packageDir, entry))) {
    throw new Error(`@proc/tsconfig: bundle-dist: entry ${entry} does not exist`);
  }
}

for (const format of ['cjs', 'esm']) {
  esbuild.buildSync({
    absWorkingDir: packageDir,
    entryPoints: [...entries],
    outdir: `dist/${format}`,
    outbase: 'src',
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format,
    sourcemap: true,
    sourcesContent: true,
    logLevel: 'warning',
  });
}
