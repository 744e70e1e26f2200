import { explainConfig } from '../src/index.js';
import { createTempDir } from './helpers.js';

/** The origin `explainConfig()` gives the value at `path`. */
function originAt(explanation: ReturnType<typeof explainConfig>, path: string) {
  return explanation.values.find((entry) => entry.path === path);
}

describe('explainConfig', () => {
  const dir = createTempDir();
  afterAll(() => dir.cleanup());

  const file = dir.write(
    'explain.yaml',
    [
      'service:',
      '  name: from-file',
      'export:',
      '  headers:',
      '    x-team: streaming',
      'traces:',
      '  batch:',
      '    scheduledDelayMillis: 1000',
      '',
    ].join('\n'),
  );

  it('should give each value the source that set it: default, file, env and code', () => {
    const explanation = explainConfig({
      file,
      env: { OTEL_BSP_MAX_QUEUE_SIZE: '4096' },
      config: { traces: { batch: { exportTimeoutMillis: 1234 } } },
    });
    expect(originAt(explanation, 'traces.batch')).toBeUndefined();
    expect(originAt(explanation, 'traces.batch.maxQueueSize')).toEqual({
      path: 'traces.batch.maxQueueSize',
      value: 4096,
      source: 'env',
      origin: 'env:OTEL_BSP_MAX_QUEUE_SIZE',
    });
    expect(originAt(explanation, 'traces.batch.scheduledDelayMillis')?.origin).toBe(`file:${file}`);
    expect(originAt(explanation, 'traces.batch.exportTimeoutMillis')?.origin).toBe('code');
    expect(originAt(explanation, 'traces.batch.maxExportBatchSize')?.origin).toBe('default');
    expect(originAt(explanation, 'service.name')).toMatchObject({
      value: 'from-file',
      origin: `file:${file}`,
    });
    expect(explanation.file).toBe(file);
  });

  it('should resolve the same config as loadConfig, with every value listed once', () => {
    const explanation = explainConfig({ env: { OTEL_SERVICE_NAME: 'svc' } });
    expect(explanation.config.service.name).toBe('svc');
    const paths = explanation.values.map((entry) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['disabled', 'logLevel', 'propagators']));
  });

  it('should name the per-signal variable when it wins over the generic one', () => {
    const explanation = explainConfig({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://generic:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/v1/traces',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'grpc',
      },
    });
    expect(originAt(explanation, 'traces.export.endpoint')).toMatchObject({
      value: 'http://traces:4318/v1/traces',
      origin: 'env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    });
    expect(originAt(explanation, 'metrics.export.endpoint')).toMatchObject({
      value: 'http://generic:4318',
      origin: 'env:OTEL_EXPORTER_OTLP_ENDPOINT',
    });
    expect(originAt(explanation, 'traces.export.protocol')?.origin).toBe(
      'env:OTEL_EXPORTER_OTLP_PROTOCOL',
    );
    expect(originAt(explanation, 'metrics.export.protocol')?.origin).toBe(
      'env:OTEL_EXPORTER_OTLP_METRICS_PROTOCOL',
    );
  });

  it('should call a default endpoint default', () => {
    const explanation = explainConfig({ env: {} });
    expect(originAt(explanation, 'traces.export.endpoint')).toMatchObject({
      value: 'http://localhost:4318/v1/traces',
      origin: 'default',
    });
  });

  it('should list headers key by key, each redacted, with the variable that set it', () => {
    const explanation = explainConfig({
      file,
      env: {
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20secret-token',
        OTEL_EXPORTER_OTLP_METRICS_HEADERS: 'x-api-key=metrics-secret',
      },
    });
    expect(originAt(explanation, 'traces.export.headers.authorization')).toEqual({
      path: 'traces.export.headers.authorization',
      value: '[REDACTED]',
      source: 'env',
      origin: 'env:OTEL_EXPORTER_OTLP_HEADERS',
    });
    expect(originAt(explanation, 'metrics.export.headers.x-api-key')?.origin).toBe(
      'env:OTEL_EXPORTER_OTLP_METRICS_HEADERS',
    );
    expect(originAt(explanation, 'traces.export.headers.x-team')?.origin).toBe(`file:${file}`);
    expect(JSON.stringify(explanation.values)).not.toContain('secret');
  });

  it('should show an empty header map as one value, from the default', () => {
    const explanation = explainConfig({ env: {} });
    expect(originAt(explanation, 'traces.export.headers')).toMatchObject({
      value: {},
      origin: 'default',
    });
  });

  it('should redact credentials in an endpoint URL', () => {
    const explanation = explainConfig({
      env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://user:pw@collector:4318/v1/traces' },
    });
    expect(originAt(explanation, 'traces.export.endpoint')?.value).toBe(
      'https://[REDACTED]@collector:4318/v1/traces',
    );
    expect(explanation.config.traces.export.endpoint).toBe(
      'https://user:pw@collector:4318/v1/traces',
    );
  });

  it('should give a signal turned off by its exporter the exporter variable as source', () => {
    const explanation = explainConfig({ env: { OTEL_TRACES_EXPORTER: 'none' } });
    expect(originAt(explanation, 'traces.enabled')).toEqual({
      path: 'traces.enabled',
      value: false,
      source: 'env',
      origin: 'env:OTEL_TRACES_EXPORTER',
    });
  });

  it('should give both signals OTEL_SDK_DISABLED as the source of enabled: false', () => {
    const explanation = explainConfig({ env: { OTEL_SDK_DISABLED: 'true' } });
    expect(originAt(explanation, 'metrics.enabled')?.origin).toBe('env:OTEL_SDK_DISABLED');
  });

  it('should name the fallback variable when only the fallback is set', () => {
    const explanation = explainConfig({
      env: { OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: 'many', OTEL_ATTRIBUTE_COUNT_LIMIT: '64' },
    });
    expect(originAt(explanation, 'traces.limits.attributeCountLimit')).toMatchObject({
      value: 64,
      origin: 'env:OTEL_ATTRIBUTE_COUNT_LIMIT',
    });
  });

  it('should name the list that turned each instrumentation on or off', () => {
    const explanation = explainConfig({
      env: {
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino',
      },
    });
    expect(originAt(explanation, 'instrumentations.http.enabled')).toMatchObject({
      value: true,
      origin: 'env:OTEL_NODE_ENABLED_INSTRUMENTATIONS',
    });
    expect(originAt(explanation, 'instrumentations.pino.enabled')).toMatchObject({
      value: false,
      origin: 'env:OTEL_NODE_DISABLED_INSTRUMENTATIONS',
    });
    expect(originAt(explanation, 'instrumentations.kafkajs.enabled')?.origin).toBe('default');
  });

  it('should name the per-signal variable of the logs signal too', () => {
    const explanation = explainConfig({
      env: { OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'grpc', OTEL_BLRP_MAX_QUEUE_SIZE: '100' },
    });
    expect(originAt(explanation, 'logs.export.protocol')?.origin).toBe(
      'env:OTEL_EXPORTER_OTLP_LOGS_PROTOCOL',
    );
    expect(originAt(explanation, 'logs.batch.maxQueueSize')?.origin).toBe(
      'env:OTEL_BLRP_MAX_QUEUE_SIZE',
    );
  });

  it('should name OTEL_RESOURCE_ATTRIBUTES for service keys and attributes it set', () => {
    const explanation = explainConfig({
      env: { OTEL_RESOURCE_ATTRIBUTES: 'service.version=1.2.3,team=streaming' },
    });
    expect(originAt(explanation, 'service.version')?.origin).toBe('env:OTEL_RESOURCE_ATTRIBUTES');
    expect(originAt(explanation, 'resource.attributes.team')?.origin).toBe(
      'env:OTEL_RESOURCE_ATTRIBUTES',
    );
    expect(originAt(explanation, 'service.name')?.origin).toBe('default');
  });

  it('should return the rejected variables as warnings and still call onWarning', () => {
    const seen: string[] = [];
    const explanation = explainConfig({
      env: { OTEL_BSP_MAX_QUEUE_SIZE: 'lots' },
      onWarning: (warning) => seen.push(warning.variable),
    });
    expect(explanation.warnings.map((warning) => warning.variable)).toEqual([
      'OTEL_BSP_MAX_QUEUE_SIZE',
    ]);
    expect(seen).toEqual(['OTEL_BSP_MAX_QUEUE_SIZE']);
    expect(originAt(explanation, 'traces.batch.maxQueueSize')?.origin).toBe('default');
  });

  it('should throw the TelemetryConfigError loadConfig throws', () => {
    expect(() => explainConfig({ config: { traces: { sampler: { ratio: 2 } } } })).toThrow(
      /traces\.sampler\.ratio \(code\)/,
    );
  });
});
