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
});
