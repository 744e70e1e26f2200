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

// In CommonJS, esbuild exports every binding through a getter (an ES module's live binding), and
// a re-export of another package through a getter that calls that package's getter: each read of
// a constant such as `ATTR_MESSAGING_SYSTEM` from `@proc/telemetry/semconv` in a CommonJS app ran
// a chain of getters (a per-event cost in the demo's profile, docs/benchmarks.md suite 6). The
// sources export only `const`, function and class bindings, which keep their value once the
// module has run, so the CommonJS build ends by replacing `module.exports` with the same values
// as plain read-only data properties, `__esModule` kept. (esbuild's `0 && (module.exports = …)`
// line above it still names the exports for Node's ES module import of the file.)
const LIVE_BINDING = /^\s*export\s+(?:let|var)\s/m;
const EXPORTS_AS_VALUES = [
  'module.exports = ((bindings) => {',
  '  const values = Object.defineProperty({}, "__esModule", { value: true });',
  '  for (const name of Object.keys(bindings)) {',
  '    Object.defineProperty(values, name, { value: bindings[name], enumerable: true });',
  '  }',
  '  return values;',
  '})(module.exports);',
].join('\n');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.[cm]?ts$/.test(entry.name) ? [file] : [];
  });
}

const sourceDir = path.join(packageDir, 'src');
for (const file of fs.existsSync(sourceDir) ? sourceFiles(sourceDir) : []) {
  if (LIVE_BINDING.test(fs.readFileSync(file, 'utf8'))) {
    throw new Error(
      `@proc/tsconfig: bundle-dist: ${path.relative(packageDir, file)} exports a let or var binding, which the CommonJS build would export as the value it had when the module finished loading; export a const, or a function that returns the current value`,
    );
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
    footer: format === 'cjs' ? { js: EXPORTS_AS_VALUES } : undefined,
    sourcemap: true,
    sourcesContent: true,
    logLevel: 'warning',
  });
}
