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
});
