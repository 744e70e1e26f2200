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
  // Issue 14: a gRPC endpoint without scheme was rejected and the export went to localhost.
  [
    'gRPC host:port without scheme, insecure: plain text',
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: '127.0.0.1:4317',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_INSECURE: 'true',
    },
    undefined,
    'http://127.0.0.1:4317',
    'http://127.0.0.1:4317',
  ],
  [
    'gRPC host:port without scheme: TLS unless insecure',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
    undefined,
    'https://collector:4317',
    'https://collector:4317',
  ],
  [
    'gRPC host:port per signal, insecure per signal',
    {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '[::1]:4317',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_TRACES_INSECURE: 'true',
    },
    undefined,
    'http://[::1]:4317',
    'https://collector:4317',
  ],
  [
    'gRPC host:port in code',
    {},
    { export: { endpoint: 'collector:4317', protocol: 'grpc', tls: { insecure: true } } },
    'http://collector:4317',
    'http://collector:4317',
  ],
  [
    'gRPC host:port for one signal, the other over HTTP from the same variable',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' },
    undefined,
    'https://collector:4317',
    'http://localhost:4318/v1/metrics',
  ],
];

describe('loadConfig', () => {
  describe('endpoint resolution', () => {
    it.each(ROWS)('should resolve %s', (_case, env, config, traces, metrics) => {
      const loaded = loadWith(env, { config }).config;
      expect(loaded.traces.export.endpoint).toBe(traces);
      expect(loaded.metrics.export.endpoint).toBe(metrics);
    });

    it.each([
      [{}, undefined, 'http://localhost:4318/v1/logs'],
      [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, undefined, 'http://localhost:4317'],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c/otlp/' }, undefined, 'http://c/otlp/v1/logs'],
      [{ OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: 'http://l:9/x' }, undefined, 'http://l:9/x'],
      [{}, { export: { endpoint: 'http://code:4318' } }, 'http://code:4318/v1/logs'],
      [{}, { logs: { export: { endpoint: 'http://code-l/' } } }, 'http://code-l/'],
      [
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317', OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'grpc' },
        undefined,
        'https://collector:4317',
      ],
    ] as [Record<string, string>, TelemetryConfigOptions | undefined, string][])(
      'should resolve the logs endpoint from %j and %j to %s',
      (env, config, expected) => {
        expect(loadWith(env, { config }).config.logs.export.endpoint).toBe(expected);
      },
    );

    it('should warn about a host:port endpoint for an HTTP protocol and fall back to the next source', () => {
      const dir = createTempDir();
      try {
        const file = dir.write('e.yaml', 'export:\n  endpoint: http://file:4318\n');
        const { config, warnings } = loadWith(
          { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
          { file },
        );
        expect(warnings.map((warning) => warning.variable)).toEqual([
          'OTEL_EXPORTER_OTLP_ENDPOINT',
        ]);
        expect(warnings[0]?.expected).toContain('grpc');
        expect(config.traces.export.endpoint).toBe('http://file:4318/v1/traces');
      } finally {
        dir.cleanup();
      }
    });

    it('should fall back to the generic variable when the per-signal endpoint cannot be used', () => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'c:4318',
      });
      expect(warnings.map((warning) => warning.variable)).toEqual([
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      ]);
      expect(config.traces.export.endpoint).toBe('http://c:4318/v1/traces');
    });

    it('should reject a host:port endpoint in code for an HTTP protocol, naming the field', () => {
      expect(() =>
        loadWith({}, { config: { traces: { export: { endpoint: 'collector:4318' } } } }),
      ).toThrow(/traces\.export\.endpoint \(code\): received "collector:4318", expected .*grpc/);
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
