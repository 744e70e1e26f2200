import { join } from 'node:path';
import { defaultTelemetryConfig } from '../src/index.js';
import { loadWith, valueAt } from './helpers.js';

/** Stand-in PEM files: loadConfig checks that TLS files can be read. */
const TLS = join(__dirname, 'fixtures', 'tls');
const CA = join(TLS, 'ca.pem');
const KEY = join(TLS, 'client.key');
const CERT = join(TLS, 'client.pem');

/** A row's variable, with the other half of a client key or certificate (neither is used alone). */
function withPair(variable: string, value: string): Record<string, string> {
  if (variable.endsWith('CLIENT_KEY')) {
    return { [variable]: value, [variable.replace(/CLIENT_KEY$/, 'CLIENT_CERTIFICATE')]: CERT };
  }
  if (variable.endsWith('CLIENT_CERTIFICATE')) {
    return { [variable]: value, [variable.replace(/CLIENT_CERTIFICATE$/, 'CLIENT_KEY')]: KEY };
  }
  return { [variable]: value };
}

// One row per environment variable: [variable, value, config path, expected value].
const ROWS: [string, string, string, unknown][] = [
  ['OTEL_SDK_DISABLED', 'true', 'disabled', true],
  ['OTEL_SDK_DISABLED', 'FALSE', 'disabled', false],
  ['OTEL_SERVICE_NAME', 'checkout', 'service.name', 'checkout'],
  [
    'OTEL_RESOURCE_ATTRIBUTES',
    'team=core,region=eu%2Cwest',
    'resource.attributes',
    { team: 'core', region: 'eu,west' },
  ],
  ['OTEL_RESOURCE_ATTRIBUTES', 'service.version=1.2.3', 'service.version', '1.2.3'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'service.namespace=shop', 'service.namespace', 'shop'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'service.instance.id=pod-1', 'service.instanceId', 'pod-1'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'deployment.environment.name=prod', 'service.environment', 'prod'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'service.name=from-attrs', 'service.name', 'from-attrs'],
  ['OTEL_TRACES_EXPORTER', 'console', 'traces.exporter', ['console']],
  ['OTEL_TRACES_EXPORTER', 'console,otlp', 'traces.exporter', ['console', 'otlp']],
  ['OTEL_TRACES_EXPORTER', ' OTLP , console,otlp', 'traces.exporter', ['otlp', 'console']],
  ['OTEL_TRACES_EXPORTER', 'none', 'traces.enabled', false],
  ['OTEL_METRICS_EXPORTER', 'prometheus', 'metrics.exporter', ['prometheus']],
  ['OTEL_METRICS_EXPORTER', 'otlp,prometheus', 'metrics.exporter', ['otlp', 'prometheus']],
  ['OTEL_METRICS_EXPORTER', 'none', 'metrics.enabled', false],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'http://collector:4318',
    'traces.export.endpoint',
    'http://collector:4318/v1/traces',
  ],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'http://collector:4318/',
    'metrics.export.endpoint',
    'http://collector:4318/v1/metrics',
  ],
  [
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'http://t:4318/custom',
    'traces.export.endpoint',
    'http://t:4318/custom',
  ],
  [
    'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
    'http://m:4318/custom',
    'metrics.export.endpoint',
    'http://m:4318/custom',
  ],
  ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', 'traces.export.protocol', 'grpc'],
  ['OTEL_EXPORTER_OTLP_PROTOCOL', 'HTTP/JSON', 'metrics.export.protocol', 'http/json'],
  ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'grpc', 'traces.export.protocol', 'grpc'],
  ['OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', 'http/json', 'metrics.export.protocol', 'http/json'],
  [
    'OTEL_EXPORTER_OTLP_HEADERS',
    'api-key=a%20b, x-team = core',
    'traces.export.headers',
    { 'api-key': 'a b', 'x-team': 'core' },
  ],
  ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'x-t=1', 'traces.export.headers', { 'x-t': '1' }],
  ['OTEL_EXPORTER_OTLP_METRICS_HEADERS', 'x-m=2', 'metrics.export.headers', { 'x-m': '2' }],
  ['OTEL_EXPORTER_OTLP_TIMEOUT', '2500', 'metrics.export.timeoutMillis', 2500],
  ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', '1500', 'traces.export.timeoutMillis', 1500],
  ['OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', '1600', 'metrics.export.timeoutMillis', 1600],
  ['OTEL_EXPORTER_OTLP_COMPRESSION', 'gzip', 'traces.export.compression', 'gzip'],
  ['OTEL_EXPORTER_OTLP_TRACES_COMPRESSION', 'GZIP', 'traces.export.compression', 'gzip'],
  ['OTEL_EXPORTER_OTLP_METRICS_COMPRESSION', 'gzip', 'metrics.export.compression', 'gzip'],
  ['OTEL_EXPORTER_OTLP_CERTIFICATE', CA, 'traces.export.tls.certificateFile', CA],
  ['OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE', CA, 'traces.export.tls.certificateFile', CA],
  ['OTEL_EXPORTER_OTLP_METRICS_CERTIFICATE', CA, 'metrics.export.tls.certificateFile', CA],
  ['OTEL_EXPORTER_OTLP_CLIENT_KEY', KEY, 'metrics.export.tls.clientKeyFile', KEY],
  ['OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY', KEY, 'traces.export.tls.clientKeyFile', KEY],
  ['OTEL_EXPORTER_OTLP_METRICS_CLIENT_KEY', KEY, 'metrics.export.tls.clientKeyFile', KEY],
  ['OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE', CERT, 'traces.export.tls.clientCertificateFile', CERT],
  [
    'OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE',
    CERT,
    'traces.export.tls.clientCertificateFile',
    CERT,
  ],
  [
    'OTEL_EXPORTER_OTLP_METRICS_CLIENT_CERTIFICATE',
    CERT,
    'metrics.export.tls.clientCertificateFile',
    CERT,
  ],
  ['OTEL_EXPORTER_OTLP_INSECURE', 'True', 'metrics.export.tls.insecure', true],
  ['OTEL_EXPORTER_OTLP_TRACES_INSECURE', 'true', 'traces.export.tls.insecure', true],
  ['OTEL_EXPORTER_OTLP_METRICS_INSECURE', 'true', 'metrics.export.tls.insecure', true],
  ['OTEL_TRACES_SAMPLER', 'always_off', 'traces.sampler.type', 'always_off'],
  [
    'OTEL_TRACES_SAMPLER',
    'ParentBased_TraceIdRatio',
    'traces.sampler.type',
    'parentbased_traceidratio',
  ],
  ['OTEL_TRACES_SAMPLER_ARG', '0.25', 'traces.sampler.ratio', 0.25],
  ['OTEL_BSP_MAX_QUEUE_SIZE', '4096', 'traces.batch.maxQueueSize', 4096],
  ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', '256', 'traces.batch.maxExportBatchSize', 256],
  ['OTEL_BSP_SCHEDULE_DELAY', '1000', 'traces.batch.scheduledDelayMillis', 1000],
  ['OTEL_BSP_EXPORT_TIMEOUT', '2000', 'traces.batch.exportTimeoutMillis', 2000],
  ['OTEL_METRIC_EXPORT_INTERVAL', '90000', 'metrics.exportIntervalMillis', 90000],
  ['OTEL_METRIC_EXPORT_TIMEOUT', '5000', 'metrics.exportTimeoutMillis', 5000],
  ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', 'Delta', 'metrics.temporality', 'delta'],
  [
    'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
    'lowmemory',
    'metrics.temporality',
    'lowmemory',
  ],
  ['OTEL_METRICS_EXEMPLAR_FILTER', 'Always_Off', 'metrics.exemplarFilter', 'always_off'],
  ['OTEL_METRICS_EXEMPLAR_FILTER', 'always_on', 'metrics.exemplarFilter', 'always_on'],
  ['OTEL_METRICS_EXEMPLAR_FILTER', 'trace_based', 'metrics.exemplarFilter', 'trace_based'],
  ['OTEL_PROPAGATORS', 'b3, tracecontext', 'propagators', ['b3', 'tracecontext']],
  ['OTEL_PROPAGATORS', 'none', 'propagators', []],
  ['OTEL_LOG_LEVEL', 'DEBUG', 'logLevel', 'debug'],
  ['OTEL_ATTRIBUTE_COUNT_LIMIT', '64', 'traces.limits.attributeCountLimit', 64],
  ['OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', '1024', 'traces.limits.attributeValueLengthLimit', 1024],
  ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', '32', 'traces.limits.attributeCountLimit', 32],
  ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', '256', 'traces.limits.attributeValueLengthLimit', 256],
  ['OTEL_SPAN_EVENT_COUNT_LIMIT', '10', 'traces.limits.eventCountLimit', 10],
  ['OTEL_SPAN_LINK_COUNT_LIMIT', '0', 'traces.limits.linkCountLimit', 0],
  ['OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT', '8', 'traces.limits.attributePerEventCountLimit', 8],
  ['OTEL_LINK_ATTRIBUTE_COUNT_LIMIT', '9', 'traces.limits.attributePerLinkCountLimit', 9],
  ['OTEL_EXPORTER_PROMETHEUS_HOST', '0.0.0.0', 'metrics.prometheus.host', '0.0.0.0'],
  ['OTEL_EXPORTER_PROMETHEUS_PORT', '9100', 'metrics.prometheus.port', 9100],
  // Logs: the same OTLP variables with _LOGS_, the batch log record processor and the limits.
  ['OTEL_LOGS_EXPORTER', 'console', 'logs.exporter', ['console']],
  ['OTEL_LOGS_EXPORTER', 'otlp,console', 'logs.exporter', ['otlp', 'console']],
  ['OTEL_LOGS_EXPORTER', 'none', 'logs.enabled', false],
  [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'http://collector:4318',
    'logs.export.endpoint',
    'http://collector:4318/v1/logs',
  ],
  [
    'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT',
    'http://l:4318/custom',
    'logs.export.endpoint',
    'http://l:4318/custom',
  ],
  ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', 'logs.export.protocol', 'grpc'],
  ['OTEL_EXPORTER_OTLP_LOGS_PROTOCOL', 'HTTP/JSON', 'logs.export.protocol', 'http/json'],
  ['OTEL_EXPORTER_OTLP_HEADERS', 'x-team=core', 'logs.export.headers', { 'x-team': 'core' }],
  ['OTEL_EXPORTER_OTLP_LOGS_HEADERS', 'x-l=3', 'logs.export.headers', { 'x-l': '3' }],
  ['OTEL_EXPORTER_OTLP_LOGS_TIMEOUT', '1700', 'logs.export.timeoutMillis', 1700],
  ['OTEL_EXPORTER_OTLP_LOGS_COMPRESSION', 'gzip', 'logs.export.compression', 'gzip'],
  ['OTEL_EXPORTER_OTLP_LOGS_CERTIFICATE', CA, 'logs.export.tls.certificateFile', CA],
  ['OTEL_EXPORTER_OTLP_LOGS_CLIENT_KEY', KEY, 'logs.export.tls.clientKeyFile', KEY],
  [
    'OTEL_EXPORTER_OTLP_LOGS_CLIENT_CERTIFICATE',
    CERT,
    'logs.export.tls.clientCertificateFile',
    CERT,
  ],
  ['OTEL_EXPORTER_OTLP_LOGS_INSECURE', 'true', 'logs.export.tls.insecure', true],
  ['OTEL_BLRP_MAX_QUEUE_SIZE', '4096', 'logs.batch.maxQueueSize', 4096],
  ['OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', '256', 'logs.batch.maxExportBatchSize', 256],
  ['OTEL_BLRP_SCHEDULE_DELAY', '200', 'logs.batch.scheduledDelayMillis', 200],
  ['OTEL_BLRP_EXPORT_TIMEOUT', '2000', 'logs.batch.exportTimeoutMillis', 2000],
  ['OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT', '16', 'logs.limits.attributeCountLimit', 16],
  [
    'OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    '512',
    'logs.limits.attributeValueLengthLimit',
    512,
  ],
  ['OTEL_ATTRIBUTE_COUNT_LIMIT', '64', 'logs.limits.attributeCountLimit', 64],
  ['OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', '1024', 'logs.limits.attributeValueLengthLimit', 1024],
  // Instrumentations: off by default, named as @opentelemetry/auto-instrumentations-node names them.
  ['OTEL_NODE_ENABLED_INSTRUMENTATIONS', 'http', 'instrumentations.http.enabled', true],
  [
    'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
    'Undici, runtime-node',
    'instrumentations.runtime-node.enabled',
    true,
  ],
  ['OTEL_NODE_ENABLED_INSTRUMENTATIONS', 'pino,kafkajs', 'instrumentations.kafkajs.enabled', true],
  ['OTEL_NODE_DISABLED_INSTRUMENTATIONS', 'pino', 'instrumentations.pino.enabled', false],
];

describe('loadConfig', () => {
  describe('environment variables', () => {
    it.each(ROWS)('should read %s=%j into %s', (variable, value, path, expected) => {
      const { config, warnings } = loadWith(withPair(variable, value));
      expect(warnings).toEqual([]);
      expect(valueAt(config, path)).toEqual(expected);
    });

    it('should cover every variable of the issue with at least one row', () => {
      const variables = new Set(ROWS.map(([variable]) => variable));
      for (const signal of ['', 'TRACES_', 'METRICS_', 'LOGS_']) {
        for (const name of [
          'ENDPOINT',
          'PROTOCOL',
          'HEADERS',
          'TIMEOUT',
          'COMPRESSION',
          'CERTIFICATE',
          'CLIENT_KEY',
          'CLIENT_CERTIFICATE',
          'INSECURE',
        ]) {
          expect(variables).toContain(`OTEL_EXPORTER_OTLP_${signal}${name}`);
        }
      }
    });

    it('should treat an empty value as unset', () => {
      const { config, warnings } = loadWith({
        OTEL_SERVICE_NAME: '',
        OTEL_BSP_MAX_QUEUE_SIZE: '  ',
        OTEL_SDK_DISABLED: '',
      });
      expect(warnings).toEqual([]);
      expect(config).toEqual(defaultTelemetryConfig());
    });

    it('should prefer OTEL_SERVICE_NAME over service.name in OTEL_RESOURCE_ATTRIBUTES', () => {
      const { config } = loadWith({
        OTEL_SERVICE_NAME: 'a',
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=b,k=v',
      });
      expect(config.service.name).toBe('a');
      expect(config.resource.attributes).toEqual({ k: 'v' });
    });

    it('should prefer OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT over OTEL_ATTRIBUTE_COUNT_LIMIT', () => {
      const { config } = loadWith({
        OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '5',
        OTEL_ATTRIBUTE_COUNT_LIMIT: '7',
      });
      expect(config.traces.limits.attributeCountLimit).toBe(5);
    });

    it('should merge signal-specific headers over the generic ones', () => {
      const { config } = loadWith({
        OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=2',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=3',
      });
      expect(config.traces.export.headers).toEqual({ a: '1', b: '3' });
      expect(config.metrics.export.headers).toEqual({ a: '1', b: '2' });
    });

    it('should ignore OTEL_TRACES_SAMPLER_ARG for a sampler that takes no argument', () => {
      const { config, warnings } = loadWith({
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
      });
      expect(config.traces.sampler).toEqual({ type: 'always_on', ratio: 1 });
      expect(warnings).toEqual([]);
    });

    it('should disable every signal when OTEL_SDK_DISABLED=true', () => {
      const { config } = loadWith({ OTEL_SDK_DISABLED: 'true' });
      expect([config.traces.enabled, config.metrics.enabled, config.logs.enabled]).toEqual([
        false,
        false,
        false,
      ]);
    });

    it('should prefer OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT over OTEL_ATTRIBUTE_COUNT_LIMIT', () => {
      const { config, warnings } = loadWith({
        OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT: '5',
        OTEL_ATTRIBUTE_COUNT_LIMIT: '7',
      });
      expect(warnings).toEqual([]);
      expect(config.logs.limits.attributeCountLimit).toBe(5);
      expect(config.traces.limits.attributeCountLimit).toBe(7);
    });

    it('should enable only the instrumentations named, disabled winning over enabled', () => {
      const { config, warnings } = loadWith({
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino,undici',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino',
      });
      expect(warnings).toEqual([]);
      expect(config.instrumentations).toEqual({
        http: { enabled: true },
        undici: { enabled: true },
        kafkajs: { enabled: false },
        pino: { enabled: false },
        'runtime-node': { enabled: false },
      });
    });

    it('should let code enable an instrumentation the environment disabled (code wins)', () => {
      const { config } = loadWith(
        { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http' },
        { config: { instrumentations: { http: { enabled: true } } } },
      );
      expect(config.instrumentations.http.enabled).toBe(true);
    });

    it('should keep the BLRP defaults of the specification apart from the BSP ones', () => {
      const { config } = loadWith({ OTEL_BSP_SCHEDULE_DELAY: '9000' });
      expect(config.logs.batch).toEqual({
        maxQueueSize: 2048,
        maxExportBatchSize: 512,
        scheduledDelayMillis: 1000,
        exportTimeoutMillis: 30000,
      });
    });

    it('should clamp the default batch size to a smaller OTEL_BSP_MAX_QUEUE_SIZE without warning', () => {
      const { config, warnings } = loadWith({ OTEL_BSP_MAX_QUEUE_SIZE: '100' });
      expect(config.traces.batch).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 100 });
      expect(warnings).toEqual([]);
    });
  });
});
