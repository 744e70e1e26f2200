import { defaultTelemetryConfig, loadConfig } from '../src/index.js';

describe('defaultTelemetryConfig', () => {
  it('should equal what loadConfig gives with no file, env or options', () => {
    expect(loadConfig({ env: {} })).toEqual(defaultTelemetryConfig());
  });

  it('should return the specification defaults', () => {
    const config = defaultTelemetryConfig();
    expect(config).toMatchObject({
      disabled: false,
      service: { name: 'unknown_service:node' },
      propagators: ['tracecontext', 'baggage'],
      logLevel: 'info',
      traces: {
        enabled: true,
        exporter: ['otlp'],
        sampler: { type: 'parentbased_always_on', ratio: 1 },
        batch: {
          maxQueueSize: 2048,
          maxExportBatchSize: 512,
          scheduledDelayMillis: 5000,
          exportTimeoutMillis: 30000,
        },
        export: {
          endpoint: 'http://localhost:4318/v1/traces',
          protocol: 'http/protobuf',
          timeoutMillis: 10000,
          compression: 'none',
        },
      },
      metrics: {
        exportIntervalMillis: 60000,
        exportTimeoutMillis: 30000,
        temporality: 'cumulative',
        exemplarFilter: 'trace_based',
        prometheus: { host: 'localhost', port: 9464 },
      },
    });
    expect(config.traces.limits.attributeValueLengthLimit).toBeUndefined();
  });

  it('should give a service.instance.id that is a UUID, stable for the process', () => {
    const first = defaultTelemetryConfig().service.instanceId;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(defaultTelemetryConfig().service.instanceId).toBe(first);
  });

  it('should return a fresh, mutable copy each time', () => {
    const first = defaultTelemetryConfig();
    first.traces.exporter = ['console'];
    first.resource.detectors.push('env');
    expect(defaultTelemetryConfig().traces.exporter).toEqual(['otlp']);
    expect(defaultTelemetryConfig().resource.detectors).toHaveLength(5);
  });
});
