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
// module has run, so the CommonJS build ends by setting `module.exports` to the same values as
// plain read-only data properties, `__esModule` kept, taken straight from the bindings: esbuild's
// export block (an arrow function per export, each compiled to be called once, and the copies of
// `__toCommonJS`) becomes blank lines, which keeps the source map's lines. esbuild's
// `0 && (module.exports = …)` line above the footer still names the exports for Node's ES module
// import of the file. (Loading our 10 bundles: docs/benchmarks.md "Cold start", fourth pass.)
const LIVE_BINDING = /^\s*export\s+(?:let|var)\s/m;
const EXPORT_BLOCK =
  /^var ([\w$]+_exports) = \{\};\n__export\(\1, \{\n([\s\S]*?)\n\}\);\nmodule\.exports = __toCommonJS\(\1\);\n/m;
const EXPORT_ENTRY = /^ {2}([\w$]+): \(\) => ([\w$]+(?:\.[\w$]+)?)$/;

function exportsAsValues(code, file) {
  const block = EXPORT_BLOCK.exec(code);
  if (!block) {
    if (/\b__toCommonJS\(|\b__reExport\(/.test(code)) {
      throw new Error(
        `@proc/tsconfig: bundle-dist: ${file}: esbuild's CommonJS export block is not the one this script rewrites (an \`export *\`, or a new esbuild); update exportsAsValues()`,
      );
    }
    return code;
  }
  const values = block[2].split(',\n').map((line) => {
    const entry = EXPORT_ENTRY.exec(line);
    if (!entry || entry[1] === '__proto__' || entry[1] === '__esModule') {
      throw new Error(`@proc/tsconfig: bundle-dist: ${file}: unexpected export line ${line}`);
    }
    return `  ${entry[1]}: { value: ${entry[2]}, enumerable: true },`;
  });
  const blank = '\n'.repeat(block[0].split('\n').length - 1);
  const footer = [
    'module.exports = Object.defineProperties({}, {',
    '  __esModule: { value: true },',
    ...values,
    '});',
  ].join('\n');
  const body = code.slice(0, block.index) + blank + code.slice(block.index + block[0].length);
  const mapLine = body.lastIndexOf('\n//# sourceMappingURL=');
  if (mapLine < 0) throw new Error(`@proc/tsconfig: bundle-dist: ${file}: no source map comment`);
  return `${body.slice(0, mapLine)}\n${footer}${body.slice(mapLine)}`;
}

// esbuild keeps one `var import_x = require("x")` per source module that imports x, and Node
// resolves each again: the loader remembers a resolution only for the parent that first loaded
// the module, and never caches one made through a package's `exports`, so a repeat walked the
// package directories, read package.json and built URLs again (15–50 µs each on the 2-core bench
// machine; our bundles made 162 such calls for 53 distinct packages, 67 of them repeats when
// `@proc/telemetry` loads). Top-level statements run in order, so every later copy takes the
// first one's value instead, on its own line (the source map's lines stay).
const TOP_LEVEL_REQUIRE = /^var (import_[\w$]+) = require\(("[^"\n]+")\);$/gm;

function requireEachOnce(code) {
  const first = new Map();
  return code.replace(TOP_LEVEL_REQUIRE, (line, name, specifier) => {
    const kept = first.get(specifier);
    if (kept === undefined) {
      first.set(specifier, name);
      return line;
    }
    return `var ${name} = ${kept};`;
  });
}

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
  const result = esbuild.buildSync({
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
    write: false,
  });
  for (const output of result.outputFiles) {
    fs.mkdirSync(path.dirname(output.path), { recursive: true });
    const cjsCode = format === 'cjs' && output.path.endsWith('.js');
    fs.writeFileSync(
      output.path,
      cjsCode
        ? exportsAsValues(requireEachOnce(output.text), path.relative(packageDir, output.path))
        : output.contents,
    );
  }
}
