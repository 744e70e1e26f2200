import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@proc/telemetry-testing';
import { diagnoseTelemetry } from '../src/index.js';

// What a cold start does not load until it is needed (the built package, as an app's Node
// loads it; turbo builds before it tests): `node:http`/`https` and the `net`/`tls` beneath them
// (the first OTLP/HTTP export loads them), and @proc/telemetry-doctor (the first diagnosis).

const PACKAGE_DIR = path.resolve(__dirname, '..');
const ON_DEMAND_BUILTINS = ['http', 'https', 'net', 'tls'];

/** Prints which of those builtins and whether the doctor are loaded once the package is. */
const REPORT = `console.log(JSON.stringify({ builtins: process.moduleLoadList.filter((entry) => ${JSON.stringify(
  ON_DEMAND_BUILTINS.map((name) => `NativeModule ${name}`),
)}.includes(entry)), doctor: Object.keys(requireCache).some((file) => file.includes('telemetry-doctor')), diagnose: typeof main.diagnoseTelemetry }));`;

function loaded(args: string[]): { builtins: string[]; doctor: boolean; diagnose: string } {
  const result = spawnSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { builtins: string[]; doctor: boolean; diagnose: string };
}

describe('what loading @proc/telemetry leaves for later', () => {
  it('should load neither node:http/https/net/tls nor the doctor from CommonJS', () => {
    const code = `const main = require('@proc/telemetry'); const requireCache = require.cache; ${REPORT}`;
    expect(loaded(['-e', code])).toEqual({ builtins: [], doctor: false, diagnose: 'function' });
  });

  it('should load neither node:http/https/net/tls nor the doctor from ESM', () => {
    const code = `import { createRequire } from 'node:module'; import * as main from '@proc/telemetry'; const requireCache = createRequire(import.meta.url).cache; ${REPORT}`;
    expect(loaded(['--input-type=module', '-e', code])).toEqual({
      builtins: [],
      doctor: false,
      diagnose: 'function',
    });
  });

  it("should diagnose through the doctor, loaded on the first call (a closed port's finding)", async () => {
    const port = await freePort();
    const diagnosis = await diagnoseTelemetry({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` },
      signals: ['traces'],
      timeoutMillis: 2000,
    });
    expect(diagnosis.findings).toEqual([
      expect.objectContaining({ signal: 'traces', status: 'problem', code: 'connection_refused' }),
    ]);
  });
});
