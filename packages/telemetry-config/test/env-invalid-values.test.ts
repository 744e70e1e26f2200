import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { defaultTelemetryConfig, loadConfig } from '../src/index.js';
import { loadWith, valueAt } from './helpers.js';

// One row per invalid value: [variable, value, config path that keeps its default, accepted values].
const ROWS: [string, string, string, string][] = [
  ['OTEL_SDK_DISABLED', 'yes', 'disabled', 'true or false'],
  ['OTEL_SDK_DISABLED', '1', 'disabled', 'true or false'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'novalue', 'resource.attributes', 'key=value'],
  ['OTEL_RESOURCE_ATTRIBUTES', 'k=%E0%A4%A', 'resource.attributes', 'percent-encoded'],
  ['OTEL_TRACES_EXPORTER', 'zipkin', 'traces.exporter', 'otlp, console, none'],
  ['OTEL_METRICS_EXPORTER', 'statsd', 'metrics.exporter', 'otlp, prometheus, console, none'],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318', 'traces.export.endpoint', 'URL'],
  ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'ftp://x', 'traces.export.endpoint', 'URL'],
  ['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', 'not a url', 'metrics.export.endpoint', 'URL'],
  [
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'http',
    'traces.export.protocol',
    'grpc, http/protobuf, http/json',
  ],
  [
    'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    'thrift',
    'traces.export.protocol',
    'grpc, http/protobuf, http/json',
  ],
  [
    'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL',
    'udp',
    'metrics.export.protocol',
    'grpc, http/protobuf, http/json',
  ],
  ['OTEL_EXPORTER_OTLP_HEADERS', 'authorization', 'traces.export.headers', 'name=value'],
  ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'bad name=1', 'traces.export.headers', 'name=value'],
  ['OTEL_EXPORTER_OTLP_METRICS_HEADERS', 'a=%ZZ', 'metrics.export.headers', 'name=value'],
  ['OTEL_EXPORTER_OTLP_TIMEOUT', '10s', 'traces.export.timeoutMillis', 'milliseconds'],
  ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', '0', 'traces.export.timeoutMillis', 'milliseconds'],
  ['OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', '-5', 'metrics.export.timeoutMillis', 'milliseconds'],
  ['OTEL_EXPORTER_OTLP_COMPRESSION', 'br', 'traces.export.compression', 'gzip, none'],
  ['OTEL_EXPORTER_OTLP_TRACES_COMPRESSION', 'zstd', 'traces.export.compression', 'gzip, none'],
  ['OTEL_EXPORTER_OTLP_METRICS_COMPRESSION', 'deflate', 'metrics.export.compression', 'gzip, none'],
  ['OTEL_EXPORTER_OTLP_INSECURE', 'on', 'traces.export.tls.insecure', 'true or false'],
  ['OTEL_EXPORTER_OTLP_TRACES_INSECURE', '1', 'traces.export.tls.insecure', 'true or false'],
  ['OTEL_EXPORTER_OTLP_METRICS_INSECURE', 'no', 'metrics.export.tls.insecure', 'true or false'],
  ['OTEL_TRACES_SAMPLER', 'xray', 'traces.sampler.type', 'parentbased_traceidratio'],
  ['OTEL_TRACES_SAMPLER_ARG', '1.5', 'traces.sampler.ratio', 'from 0 to 1'],
  ['OTEL_TRACES_SAMPLER_ARG', 'half', 'traces.sampler.ratio', 'from 0 to 1'],
  ['OTEL_BSP_MAX_QUEUE_SIZE', '0', 'traces.batch.maxQueueSize', 'integer >= 1'],
  ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE', '12.5', 'traces.batch.maxExportBatchSize', 'integer >= 1'],
  ['OTEL_BSP_SCHEDULE_DELAY', 'soon', 'traces.batch.scheduledDelayMillis', 'milliseconds'],
  ['OTEL_BSP_EXPORT_TIMEOUT', '1e3', 'traces.batch.exportTimeoutMillis', 'milliseconds'],
  ['OTEL_METRIC_EXPORT_INTERVAL', '-1', 'metrics.exportIntervalMillis', 'milliseconds'],
  ['OTEL_METRIC_EXPORT_TIMEOUT', 'x', 'metrics.exportTimeoutMillis', 'milliseconds'],
  [
    'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
    'both',
    'metrics.temporality',
    'cumulative, delta, lowmemory',
  ],
  [
    'OTEL_METRICS_EXEMPLAR_FILTER',
    'sometimes',
    'metrics.exemplarFilter',
    'always_off, trace_based, always_on',
  ],
  ['OTEL_PROPAGATORS', 'xray', 'propagators', 'tracecontext, baggage'],
  ['OTEL_LOG_LEVEL', 'loud', 'logLevel', 'none, error, warn, info, debug, verbose, all'],
  ['OTEL_ATTRIBUTE_COUNT_LIMIT', '-1', 'traces.limits.attributeCountLimit', 'integer >= 0'],
  [
    'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    'lots',
    'traces.limits.attributeValueLengthLimit',
    'integer >= 0',
  ],
  ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', '1.5', 'traces.limits.attributeCountLimit', 'integer >= 0'],
  [
    'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    '-2',
    'traces.limits.attributeValueLengthLimit',
    'integer >= 0',
  ],
  ['OTEL_SPAN_EVENT_COUNT_LIMIT', 'many', 'traces.limits.eventCountLimit', 'integer >= 0'],
  ['OTEL_SPAN_LINK_COUNT_LIMIT', '0x10', 'traces.limits.linkCountLimit', 'integer >= 0'],
  [
    'OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT',
    '∞',
    'traces.limits.attributePerEventCountLimit',
    'integer >= 0',
  ],
  [
    'OTEL_LINK_ATTRIBUTE_COUNT_LIMIT',
    '99999999999999999999',
    'traces.limits.attributePerLinkCountLimit',
    'integer >= 0',
  ],
  ['OTEL_EXPORTER_PROMETHEUS_PORT', '70000', 'metrics.prometheus.port', 'from 0 to 65535'],
  ['OTEL_LOGS_EXPORTER', 'syslog', 'logs.exporter', 'otlp, console, none'],
  ['OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', 'not a url', 'logs.export.endpoint', 'URL'],
  [
    'OTEL_EXPORTER_OTLP_LOGS_PROTOCOL',
    'udp',
    'logs.export.protocol',
    'grpc, http/protobuf, http/json',
  ],
  ['OTEL_EXPORTER_OTLP_LOGS_HEADERS', 'a=%ZZ', 'logs.export.headers', 'name=value'],
  ['OTEL_EXPORTER_OTLP_LOGS_TIMEOUT', '0', 'logs.export.timeoutMillis', 'milliseconds'],
  ['OTEL_EXPORTER_OTLP_LOGS_COMPRESSION', 'br', 'logs.export.compression', 'gzip, none'],
  ['OTEL_EXPORTER_OTLP_LOGS_INSECURE', 'yes', 'logs.export.tls.insecure', 'true or false'],
  ['OTEL_BLRP_MAX_QUEUE_SIZE', '0', 'logs.batch.maxQueueSize', 'integer >= 1'],
  ['OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', '1.5', 'logs.batch.maxExportBatchSize', 'integer >= 1'],
  ['OTEL_BLRP_SCHEDULE_DELAY', 'soon', 'logs.batch.scheduledDelayMillis', 'milliseconds'],
  ['OTEL_BLRP_EXPORT_TIMEOUT', '-1', 'logs.batch.exportTimeoutMillis', 'milliseconds'],
  [
    'OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT',
    'many',
    'logs.limits.attributeCountLimit',
    'integer >= 0',
  ],
  [
    'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
    'express',
    'instrumentations.http.enabled',
    'http, undici, kafkajs, pino, runtime-node',
  ],
  [
    'OTEL_NODE_DISABLED_INSTRUMENTATIONS',
    'fs',
    'instrumentations.pino.enabled',
    'http, undici, kafkajs, pino, runtime-node',
  ],
  [
    'OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    '-3',
    'logs.limits.attributeValueLengthLimit',
    'integer >= 0',
  ],
];

describe('loadConfig', () => {
  describe('invalid environment variables', () => {
    afterEach(() => diag.disable());

    it.each(ROWS)(
      'should warn about %s=%j and keep the default %s',
      (variable, value, path, accepted) => {
        const { config, warnings } = loadWith({ [variable]: value });
        expect(valueAt(config, path)).toEqual(valueAt(defaultTelemetryConfig(), path));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]?.variable).toBe(variable);
        expect(warnings[0]?.message).toContain(variable);
        expect(warnings[0]?.message).toContain(accepted);
        expect(warnings[0]?.message.startsWith('@proc/telemetry-config:')).toBe(true);
      },
    );

    it('should fall back to the file value, not the default, when the env value is invalid', () => {
      const { config, warnings } = loadWith(
        { OTEL_BSP_MAX_QUEUE_SIZE: 'lots' },
        { config: { traces: { batch: { maxQueueSize: 4096 } } } },
      );
      expect(config.traces.batch.maxQueueSize).toBe(4096);
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_BSP_MAX_QUEUE_SIZE']);
    });

    it('should skip an unknown instrumentation name and enable the known ones', () => {
      const { config, warnings } = loadWith({ OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express' });
      expect(config.instrumentations.http.enabled).toBe(true);
      expect(warnings.map((w) => [w.variable, w.value])).toEqual([
        ['OTEL_NODE_ENABLED_INSTRUMENTATIONS', 'express'],
      ]);
    });

    it('should skip unknown OTEL_PROPAGATORS entries and keep the known ones', () => {
      const { config, warnings } = loadWith({ OTEL_PROPAGATORS: 'tracecontext,xray,baggage' });
      expect(config.propagators).toEqual(['tracecontext', 'baggage']);
      expect(warnings.map((w) => w.value)).toEqual(['xray']);
    });

    it('should redact the value of a rejected headers variable', () => {
      const { warnings } = loadWith({
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer s3cret,oops',
      });
      expect(warnings[0]?.value).toBe('[REDACTED]');
      expect(warnings[0]?.message).not.toContain('s3cret');
    });

    it('should redact a rejected OTEL_RESOURCE_ATTRIBUTES that holds a credential', () => {
      const { warnings } = loadWith({ OTEL_RESOURCE_ATTRIBUTES: 'api.token=s3cret,broken' });
      expect(warnings[0]?.message).not.toContain('s3cret');
    });

    it('should clamp an OTEL_BSP_MAX_EXPORT_BATCH_SIZE larger than the queue, with a warning', () => {
      const { config, warnings } = loadWith({
        OTEL_BSP_MAX_QUEUE_SIZE: '100',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '200',
      });
      expect(config.traces.batch).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 100 });
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_BSP_MAX_EXPORT_BATCH_SIZE']);
    });

    it('should not throw when OTEL_BSP_MAX_QUEUE_SIZE is below a batch size set in code', () => {
      const { config, warnings } = loadWith(
        { OTEL_BSP_MAX_QUEUE_SIZE: '100' },
        { config: { traces: { batch: { maxExportBatchSize: 1000 } } } },
      );
      expect(config.traces.batch).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 100 });
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_BSP_MAX_QUEUE_SIZE']);
    });

    it('should clamp an OTEL_BLRP_MAX_EXPORT_BATCH_SIZE larger than the queue, with a warning', () => {
      const { config, warnings } = loadWith({
        OTEL_BLRP_MAX_QUEUE_SIZE: '100',
        OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: '200',
      });
      expect(config.logs.batch).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 100 });
      expect(config.traces.batch).toMatchObject({ maxQueueSize: 2048, maxExportBatchSize: 512 });
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_BLRP_MAX_EXPORT_BATCH_SIZE']);
    });

    it('should warn once about a bad OTEL_ATTRIBUTE_COUNT_LIMIT, the fallback of spans and logs', () => {
      const { config, warnings } = loadWith({ OTEL_ATTRIBUTE_COUNT_LIMIT: 'x' });
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_ATTRIBUTE_COUNT_LIMIT']);
      expect(config.logs.limits.attributeCountLimit).toBe(128);
    });

    it('should clamp an OTEL_METRIC_EXPORT_TIMEOUT longer than the interval, with a warning', () => {
      const { config, warnings } = loadWith({ OTEL_METRIC_EXPORT_TIMEOUT: '90000' });
      expect(config.metrics.exportTimeoutMillis).toBe(60000);
      expect(warnings.map((w) => w.variable)).toEqual(['OTEL_METRIC_EXPORT_TIMEOUT']);
    });

    it('should send each warning to diag.warn with the package prefix', () => {
      const logger = installTestDiagLogger();
      loadConfig({ env: { OTEL_LOG_LEVEL: 'loud' } });
      expect(logger.messages).toHaveLength(1);
      expect(logger.texts('warn')[0]).toMatch(
        /^@proc\/telemetry-config ignoring OTEL_LOG_LEVEL="loud"/,
      );
    });
  });
});
