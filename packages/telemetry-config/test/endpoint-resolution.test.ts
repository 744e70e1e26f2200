import type { TelemetryConfigOptions } from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

type Row = [string, Record<string, string>, TelemetryConfigOptions | undefined, string, string];

// [case, env, code options, traces endpoint, metrics endpoint]
const ROWS: Row[] = [
  [
    'defaults (http/protobuf)',
    {},
    undefined,
    'http://localhost:4318/v1/traces',
    'http://localhost:4318/v1/metrics',
  ],
  [
    'grpc default',
    { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
    undefined,
    'http://localhost:4317',
    'http://localhost:4317',
  ],
  [
    'generic http endpoint gets the signal path',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://c.example:4318' },
    undefined,
    'https://c.example:4318/v1/traces',
    'https://c.example:4318/v1/metrics',
  ],
  [
    'generic endpoint with a base path and trailing slashes',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c/otlp//' },
    undefined,
    'http://c/otlp/v1/traces',
    'http://c/otlp/v1/metrics',
  ],
  [
    'generic endpoint used as-is for grpc',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
    undefined,
    'http://c:4317',
    'http://c:4317',
  ],
  [
    'signal endpoint used as-is',
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:9/x/',
    },
    undefined,
    'http://t:9/x/',
    'http://c:4318/v1/metrics',
  ],
  [
    'protocol from code changes the default endpoint',
    { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' },
    { traces: { export: { protocol: 'grpc' } } },
    'http://localhost:4317',
    'http://localhost:4318/v1/metrics',
  ],
  [
    'protocol from code decides whether an env generic endpoint gets a path',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317' },
    { export: { protocol: 'grpc' } },
    'http://c:4317',
    'http://c:4317',
  ],
  [
    'generic endpoint in code',
    {},
    { export: { endpoint: 'http://code:4318' } },
    'http://code:4318/v1/traces',
    'http://code:4318/v1/metrics',
  ],
  [
    'per-signal endpoint in code used as-is',
    {},
    { export: { endpoint: 'http://code:4318' }, metrics: { export: { endpoint: 'http://m/' } } },
    'http://code:4318/v1/traces',
    'http://m/',
  ],
  [
    'code generic endpoint beats env signal endpoint',
    { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://env-t/' },
    { export: { endpoint: 'http://code' } },
    'http://code/v1/traces',
    'http://code/v1/metrics',
  ],
];

describe('loadConfig', () => {
  describe('endpoint resolution', () => {
    it.each(ROWS)('should resolve %s', (_case, env, config, traces, metrics) => {
      const loaded = loadWith(env, { config }).config;
      expect(loaded.traces.export.endpoint).toBe(traces);
      expect(loaded.metrics.export.endpoint).toBe(metrics);
    });

    it('should resolve a file endpoint with the protocol set by the environment', () => {
      const dir = createTempDir();
      try {
        const file = dir.write('e.yaml', 'export:\n  endpoint: http://file:4318\n');
        const { config } = loadWith({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }, { file });
        expect(config.traces.export.endpoint).toBe('http://file:4318');
        expect(config.metrics.export.endpoint).toBe('http://file:4318/v1/metrics');
      } finally {
        dir.cleanup();
      }
    });
  });
});
