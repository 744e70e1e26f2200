import { unlinkSync } from 'node:fs';
import {
  defaultTelemetryConfig,
  loadConfig,
  TelemetryConfigError,
  validateLogsConfig,
  validateMetricsConfig,
  validateTraceConfig,
} from '../src/index.js';
import { createTempDir } from './helpers.js';

function errorOf(validate: () => void): TelemetryConfigError {
  try {
    validate();
  } catch (error) {
    if (error instanceof TelemetryConfigError) return error;
    throw error;
  }
  throw new Error('expected a TelemetryConfigError');
}

describe('validateTraceConfig', () => {
  it('should accept the traces section of a loaded config', () => {
    const config = loadConfig({ env: { OTEL_TRACES_SAMPLER_ARG: '0.5' } });
    expect(() => validateTraceConfig(config.traces)).not.toThrow();
    expect(() => validateTraceConfig(defaultTelemetryConfig().traces)).not.toThrow();
  });

  it('should trust a section loadConfig() returned and check a copy of it in full', () => {
    const temp = createTempDir();
    try {
      const ca = temp.write(
        'ca.pem',
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      );
      const config = loadConfig({
        env: {},
        config: {
          traces: {
            export: { endpoint: 'https://collector:4318/v1/traces', tls: { certificateFile: ca } },
          },
        },
      });
      unlinkSync(ca);
      // Validated once, at load: not walked (nor its files read) again.
      expect(() => validateTraceConfig(config.traces)).not.toThrow();
      // A section built from it in code, or changed in place, gets the full check.
      expect(() => validateTraceConfig({ ...config.traces })).toThrow(/certificateFile/);
      const changed = loadConfig({ env: {} });
      changed.traces.sampler.ratio = 2;
      expect(() => validateTraceConfig(changed.traces)).toThrow(/traces\.sampler\.ratio/);
    } finally {
      temp.cleanup();
    }
  });

  it('should report every problem at once, with its path, value and accepted values', () => {
    const base = defaultTelemetryConfig().traces;
    const error = errorOf(() =>
      validateTraceConfig({
        ...base,
        sampler: { type: 'sometimes', ratio: 2 },
        batch: { ...base.batch, maxQueueSize: 10, maxExportBatchSize: 20 },
        export: { ...base.export, protocol: 'udp', headers: { authorization: 3 } },
        extra: true,
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'traces.export.protocol',
        received: 'udp',
        expected: 'one of: grpc, http/protobuf, http/json',
      }),
      expect.objectContaining({ path: 'traces.export.headers.authorization' }),
      expect.objectContaining({ path: 'traces.sampler.type', received: 'sometimes' }),
      expect.objectContaining({ path: 'traces.sampler.ratio', received: 2 }),
      expect.objectContaining({
        path: 'traces.extra',
        expected: expect.stringContaining('one of the known keys: enabled, exporter'),
      }),
      expect.objectContaining({
        path: 'traces.batch.maxExportBatchSize',
        received: 20,
        expected: 'at most traces.batch.maxQueueSize (10)',
      }),
    ]);
    expect(error.issues.every((issue) => issue.source === 'code')).toBe(true);
    expect(error.message).not.toContain('"3"');
    expect(error.message).toContain('[REDACTED]');
  });

  it('should report a missing section', () => {
    const error = errorOf(() => validateTraceConfig(undefined));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'traces', expected: 'an object' }),
    ]);
  });

  it('should accept host:port as a gRPC endpoint only', () => {
    const base = defaultTelemetryConfig().traces;
    const grpc = {
      ...base,
      export: { ...base.export, protocol: 'grpc', endpoint: 'collector:4317' },
    };
    expect(() => validateTraceConfig(grpc)).not.toThrow();
    const http = { ...grpc, export: { ...grpc.export, protocol: 'http/protobuf' } };
    expect(errorOf(() => validateTraceConfig(http)).issues).toEqual([
      expect.objectContaining({
        path: 'traces.export.endpoint',
        received: 'collector:4317',
        expected: 'an http:// or https:// URL (protocol is http/protobuf)',
      }),
    ]);
  });
});

describe('validateMetricsConfig', () => {
  it('should accept the metrics section of a loaded config', () => {
    const config = loadConfig({ env: { OTEL_METRICS_EXEMPLAR_FILTER: 'always_on' } });
    expect(() => validateMetricsConfig(config.metrics)).not.toThrow();
  });

  it('should name the field and the accepted values', () => {
    const base = defaultTelemetryConfig().metrics;
    const error = errorOf(() =>
      validateMetricsConfig({
        ...base,
        exemplarFilter: 'sometimes',
        exportIntervalMillis: 1000,
        exportTimeoutMillis: 5000,
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'metrics.exemplarFilter',
        received: 'sometimes',
        expected: 'one of: always_off, trace_based, always_on',
      }),
      expect.objectContaining({
        path: 'metrics.exportTimeoutMillis',
        expected: 'at most metrics.exportIntervalMillis (1000)',
      }),
    ]);
    expect(error.message).toContain(
      'metrics.exemplarFilter (code): received "sometimes", expected one of: always_off, trace_based, always_on',
    );
  });
});

describe('validateLogsConfig', () => {
  it('should accept the logs section of a loaded config', () => {
    const config = loadConfig({ env: { OTEL_BLRP_SCHEDULE_DELAY: '200' } });
    expect(() => validateLogsConfig(config.logs)).not.toThrow();
  });

  it('should name every invalid field and the accepted values', () => {
    const base = defaultTelemetryConfig().logs;
    const error = errorOf(() =>
      validateLogsConfig({
        ...base,
        exporter: ['syslog' as 'otlp'],
        batch: { ...base.batch, maxQueueSize: 10, maxExportBatchSize: 20 },
        limits: { attributeCountLimit: -1 },
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'logs.exporter.0',
        received: 'syslog',
        expected: 'one of: otlp, console, none',
      }),
      expect.objectContaining({
        path: 'logs.limits.attributeCountLimit',
        expected: 'an integer >= 0',
      }),
      expect.objectContaining({
        path: 'logs.batch.maxExportBatchSize',
        expected: 'at most logs.batch.maxQueueSize (10)',
      }),
    ]);
  });

  it('should report a gRPC header that metadata cannot carry, under logs.export', () => {
    const base = defaultTelemetryConfig().logs;
    const error = errorOf(() =>
      validateLogsConfig({
        ...base,
        export: { ...base.export, protocol: 'grpc', headers: { 'trace-bin': 'x' } },
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'logs.export.headers.trace-bin',
        received: '[REDACTED]',
        expected: 'header "trace-bin" not to end in "-bin" (binary gRPC metadata)',
      }),
    ]);
  });
});
