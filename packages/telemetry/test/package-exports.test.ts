import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The built package as a user's Node resolves it through package.json `exports` (run after
// `pnpm build`, as turbo's test task does): both subpaths, from CommonJS and from ESM.

const PACKAGE_DIR = path.resolve(__dirname, '..');

function run(args: string[]): string {
  const result = spawnSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

const PRINT = `JSON.stringify([typeof main.initTelemetry, 'METRIC_NAMES' in main, semconv.SPAN_PROCESS_EVENT, semconv.ATTR_PROCESSOR_EVENT_TYPE])`;
const EXPECTED = JSON.stringify([
  'function',
  false,
  'processor.process_event',
  'processor.event.type',
]);

describe('package.json exports', () => {
  it('should resolve @proc/telemetry and @proc/telemetry/semconv from CommonJS', () => {
    const code = `const main = require('@proc/telemetry'); const semconv = require('@proc/telemetry/semconv'); console.log(${PRINT});`;
    expect(run(['-e', code])).toBe(EXPECTED);
    expect(run(['-p', "require.resolve('@proc/telemetry/semconv')"])).toBe(
      path.join(PACKAGE_DIR, 'dist/cjs/semconv.js'),
    );
  });

  it('should resolve @proc/telemetry and @proc/telemetry/semconv from ESM', () => {
    const code = `import * as main from '@proc/telemetry'; import * as semconv from '@proc/telemetry/semconv'; console.log(${PRINT}); console.log(import.meta.resolve('@proc/telemetry/semconv'));`;
    const [printed, resolved] = run(['--input-type=module', '-e', code]).split('\n');
    expect(printed).toBe(EXPECTED);
    expect(resolved).toBe(`file://${path.join(PACKAGE_DIR, 'dist/esm/semconv.js')}`);
  });

  // tooling/typescript/bundle-dist.cjs: esbuild exports through getters, and a re-export through a
  // getter that calls the other package's getter, so each read of a constant in a CommonJS app
  // ran a chain of calls (the demo kept copies of its per-event keys to avoid them). The CommonJS
  // build replaces them with plain data properties.
  it.each(['@proc/telemetry/semconv', '@proc/telemetry-semconv', '@proc/telemetry'])(
    'should export data properties, not getters, from the CommonJS build of %s',
    (id) => {
      const code = `const exported = require('${id}'); const descriptors = Object.getOwnPropertyDescriptors(exported); console.log(JSON.stringify({ names: Object.keys(exported).length, getters: Object.keys(descriptors).filter((name) => !('value' in descriptors[name])), esModule: exported.__esModule }));`;
      const printed = JSON.parse(run(['-e', code])) as {
        names: number;
        getters: string[];
        esModule: boolean;
      };
      expect(printed.names).toBeGreaterThan(20);
      expect(printed.getters).toEqual([]);
      expect(printed.esModule).toBe(true);
    },
  );

  it('should read ATTR_MESSAGING_SYSTEM of @proc/telemetry/semconv from CommonJS as a value', () => {
    const code = `console.log(JSON.stringify(Object.getOwnPropertyDescriptor(require('@proc/telemetry/semconv'), 'ATTR_MESSAGING_SYSTEM')));`;
    expect(JSON.parse(run(['-e', code]))).toEqual({
      value: 'messaging.system',
      writable: false,
      enumerable: true,
      configurable: false,
    });
  });

  it('should still name every export of the CommonJS build to an ES module importing it', () => {
    const code = `import { ATTR_MESSAGING_SYSTEM, SPAN_PROCESS_EVENT } from '${path.join(PACKAGE_DIR, 'dist/cjs/semconv.js')}'; console.log(JSON.stringify([ATTR_MESSAGING_SYSTEM, SPAN_PROCESS_EVENT]));`;
    expect(run(['--input-type=module', '-e', code])).toBe(
      JSON.stringify(['messaging.system', 'processor.process_event']),
    );
  });

  it('should give the CommonJS build of @proc/telemetry the same exports as its ES module build', () => {
    const code = `import * as esm from '@proc/telemetry'; import { createRequire } from 'node:module'; const cjs = createRequire(process.cwd() + '/')('@proc/telemetry'); const kinds = (exported) => Object.keys(exported).sort().map((name) => [name, typeof exported[name]]); console.log(JSON.stringify([kinds(cjs), kinds(esm)]));`;
    const [cjs, esm] = JSON.parse(run(['--input-type=module', '-e', code])) as [
      string[][],
      string[][],
    ];
    expect(cjs.length).toBeGreaterThan(20);
    expect(cjs).toEqual(esm);
  });

  // bundle-dist.cjs also leaves one `require()` of each other package per CommonJS bundle: Node
  // resolves a repeated one again (it caches a resolution only for the parent that first loaded
  // the module, and never one made through a package's `exports`), 15–50 µs each at start.
  it('should resolve each package once per CommonJS bundle when @proc/telemetry loads', () => {
    const code = `const Module = require('node:module'); const resolve = Module._resolveFilename; const made = new Map(); Module._resolveFilename = function (request, parent, ...rest) { const from = parent && parent.filename; if (from && from.includes('/dist/cjs/') && !from.includes('node_modules') && !request.startsWith('.')) made.set(from + ' ' + request, (made.get(from + ' ' + request) ?? 0) + 1); return resolve.call(this, request, parent, ...rest); }; require('@proc/telemetry'); const keys = [...made.keys()]; console.log(JSON.stringify({ bundles: new Set(keys.map((key) => key.split(' ')[0])).size, requests: keys.length, repeated: [...made].filter(([, count]) => count > 1).map(([key]) => key) }));`;
    const printed = JSON.parse(run(['-e', code])) as {
      bundles: number;
      requests: number;
      repeated: string[];
    };
    expect(printed.bundles).toBeGreaterThanOrEqual(8);
    expect(printed.requests).toBeGreaterThan(40);
    expect(printed.repeated).toEqual([]);
  });

  // The rewritten CommonJS export block is left as blank lines, so the source map esbuild wrote
  // for the bundle still points each line at its TypeScript.
  it('should map a line of the CommonJS bundle to its TypeScript line', () => {
    const code = `const fs = require('node:fs'); const { SourceMap } = require('node:module'); const file = require.resolve('@proc/telemetry'); const line = fs.readFileSync(file, 'utf8').split('\\n').findIndex((text) => text.startsWith('function initTelemetry(')); const payload = JSON.parse(fs.readFileSync(file + '.map', 'utf8')); const entry = new SourceMap(payload).findEntry(line, 0); const index = payload.sources.findIndex((source) => entry.originalSource.endsWith(source.replace(/^(\\.\\.\\/)+/, ''))); console.log(JSON.stringify({ source: payload.sources[index], text: payload.sourcesContent[index].split('\\n')[entry.originalLine].trim() }));`;
    const printed = JSON.parse(run(['-e', code])) as { source: string; text: string };
    expect(printed.source).toMatch(/src\/init-telemetry\.ts$/);
    expect(printed.text).toMatch(/^export function initTelemetry\(/);
  });
});
