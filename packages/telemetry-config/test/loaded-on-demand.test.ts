import { spawnSync } from 'node:child_process';
import path from 'node:path';

// zod is required the first time a value needs checking against the schema (code options, a
// config file, a hand-built section) and yaml the first time a YAML file is read: an app
// configured by `OTEL_*` variables alone loads neither (docs/benchmarks.md "Cold start").
// Checked on the built package, as an app's Node loads it (turbo builds before it tests).

const PACKAGE_DIR = path.resolve(__dirname, '..');

const LOADED = `() => ({ zod: Object.keys(require.cache).some((file) => file.includes('/zod/')), yaml: Object.keys(require.cache).some((file) => file.includes('/yaml/')) })`;

function run(code: string): unknown {
  const result = spawnSync(process.execPath, ['-e', code], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describe('zod and yaml, loaded on demand', () => {
  it('should load neither with the package, nor for a config from OTEL_* variables alone', () => {
    const code = `const loaded = ${LOADED}; const { loadConfig } = require('@proc/telemetry-config'); const atImport = loaded(); const config = loadConfig({ env: { OTEL_SERVICE_NAME: 'orders', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' } }); console.log(JSON.stringify({ atImport, afterLoad: loaded(), service: config.service.name, sampler: config.traces.sampler }));`;
    expect(run(code)).toEqual({
      atImport: { zod: false, yaml: false },
      afterLoad: { zod: false, yaml: false },
      service: 'orders',
      sampler: { type: 'traceidratio', ratio: 0.5 },
    });
  });

  it('should load zod for code options and still report every problem with its path', () => {
    const code = `const loaded = ${LOADED}; const { loadConfig } = require('@proc/telemetry-config'); let issues; try { loadConfig({ env: {}, config: { service: { name: '' }, traces: { sampler: { type: 'nope' } } } }); } catch (error) { issues = error.issues.map((issue) => [issue.path, issue.source]); } console.log(JSON.stringify({ issues, afterLoad: loaded() }));`;
    expect(run(code)).toEqual({
      issues: [
        ['service.name', 'code'],
        ['traces.sampler.type', 'code'],
      ],
      afterLoad: { zod: true, yaml: false },
    });
  });
});
