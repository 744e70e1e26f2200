import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@proc/telemetry-testing';
import { diagnoseTelemetry } from '../src/index.js';

// @proc/telemetry-doctor is loaded on the first diagnosis, not with the package: checked on the
// built package, as an app's Node loads it (turbo builds before it tests).

const PACKAGE_DIR = path.resolve(__dirname, '..');

/** Prints whether the doctor is loaded once the package is, and what the export is. */
const REPORT = `console.log(JSON.stringify({ doctor: Object.keys(requireCache).some((file) => file.includes('telemetry-doctor')), diagnose: typeof main.diagnoseTelemetry }));`;

function loaded(args: string[]): { doctor: boolean; diagnose: string } {
  const result = spawnSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { doctor: boolean; diagnose: string };
}

describe('@proc/telemetry-doctor, loaded on demand', () => {
  it('should not be loaded with @proc/telemetry from CommonJS', () => {
    const code = `const main = require('@proc/telemetry'); const requireCache = require.cache; ${REPORT}`;
    expect(loaded(['-e', code])).toEqual({ doctor: false, diagnose: 'function' });
  });

  it('should not be loaded with @proc/telemetry from ESM', () => {
    const code = `import { createRequire } from 'node:module'; import * as main from '@proc/telemetry'; const requireCache = createRequire(import.meta.url).cache; ${REPORT}`;
    expect(loaded(['--input-type=module', '-e', code])).toEqual({
      doctor: false,
      diagnose: 'function',
    });
  });

  it("should diagnose through the doctor on the first call (a closed port's finding)", async () => {
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
