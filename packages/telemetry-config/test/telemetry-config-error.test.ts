import { loadConfig, TelemetryConfigError, type TelemetryConfigOptions } from '../src/index.js';

function issuesFor(config: unknown): TelemetryConfigError {
  try {
    loadConfig({ env: {}, config: config as TelemetryConfigOptions });
  } catch (error) {
    if (error instanceof TelemetryConfigError) return error;
    throw error;
  }
  throw new Error('expected a TelemetryConfigError');
}

// One row per invalid value in code: [options, path, received, part of the accepted values].
const ROWS: [string, unknown, string, unknown, string][] = [
  [
    'ratio above 1',
    { traces: { sampler: { ratio: 1.5 } } },
    'traces.sampler.ratio',
    1.5,
    'a number from 0 to 1',
  ],
  [
    'negative ratio',
    { traces: { sampler: { ratio: -0.1 } } },
    'traces.sampler.ratio',
    -0.1,
    'a number from 0 to 1',
  ],
  [
    'unknown sampler',
    { traces: { sampler: { type: 'sometimes' } } },
    'traces.sampler.type',
    'sometimes',
    'parentbased_traceidratio',
  ],
  [
    'port above 65535',
    { metrics: { prometheus: { port: 65536 } } },
    'metrics.prometheus.port',
    65536,
    'from 0 to 65535',
  ],
  [
    'negative port',
    { metrics: { prometheus: { port: -1 } } },
    'metrics.prometheus.port',
    -1,
    'from 0 to 65535',
  ],
  [
    'zero duration',
    { traces: { batch: { scheduledDelayMillis: 0 } } },
    'traces.batch.scheduledDelayMillis',
    0,
    'an integer > 0',
  ],
  [
    'fractional duration',
    { metrics: { exportIntervalMillis: 1.5 } },
    'metrics.exportIntervalMillis',
    1.5,
    'an integer > 0',
  ],
  [
    'string duration',
    { export: { timeoutMillis: '10s' } },
    'export.timeoutMillis',
    '10s',
    'an integer > 0',
  ],
  [
    'zero queue size',
    { traces: { batch: { maxQueueSize: 0 } } },
    'traces.batch.maxQueueSize',
    0,
    'an integer >= 1',
  ],
  [
    'negative limit',
    { traces: { limits: { eventCountLimit: -1 } } },
    'traces.limits.eventCountLimit',
    -1,
    'an integer >= 0',
  ],
  [
    'unknown protocol',
    { traces: { export: { protocol: 'http' } } },
    'traces.export.protocol',
    'http',
    'grpc, http/protobuf, http/json',
  ],
  [
    'unknown compression',
    { metrics: { export: { compression: 'br' } } },
    'metrics.export.compression',
    'br',
    'gzip, none',
  ],
  [
    'endpoint without scheme',
    { export: { endpoint: 'collector:4318' } },
    'export.endpoint',
    'collector:4318',
    'URL',
  ],
  [
    'unknown trace exporter',
    { traces: { exporter: 'zipkin' } },
    'traces.exporter',
    'zipkin',
    'otlp, console, none',
  ],
  [
    'unknown metric exporter',
    { metrics: { exporter: 'statsd' } },
    'metrics.exporter',
    'statsd',
    'prometheus',
  ],
  [
    'unknown temporality',
    { metrics: { temporality: 'both' } },
    'metrics.temporality',
    'both',
    'lowmemory',
  ],
  [
    'unknown exemplar filter',
    { metrics: { exemplarFilter: 'sometimes' } },
    'metrics.exemplarFilter',
    'sometimes',
    'always_off, trace_based, always_on',
  ],
  [
    'unknown propagator',
    { propagators: ['tracecontext', 'xray'] },
    'propagators.1',
    'xray',
    'b3multi',
  ],
  [
    'none with other propagators',
    { propagators: ['none', 'b3'] },
    'propagators',
    ['none', 'b3'],
    '"none" alone',
  ],
  ['unknown log level', { logLevel: 'loud' }, 'logLevel', 'loud', 'verbose'],
  [
    'unknown detector',
    { resource: { detectors: ['cloud'] } },
    'resource.detectors.0',
    'cloud',
    'container',
  ],
  ['non-boolean disabled', { disabled: 'yes' }, 'disabled', 'yes', 'true or false'],
  ['empty service name', { service: { name: '' } }, 'service.name', '', 'a non-empty string'],
  [
    'object attribute',
    { resource: { attributes: { k: { nested: 1 } } } },
    'resource.attributes.k',
    { nested: 1 },
    'a string, number, boolean',
  ],
  [
    'header name with a space',
    { export: { headers: { 'x key': 'v' } } },
    'export.headers.x key',
    'x key',
    'HTTP header name',
  ],
  [
    'header value with a newline',
    { export: { headers: { 'x-key': 'a\nb' } } },
    'export.headers.x-key',
    '[REDACTED]',
    'no control characters',
  ],
  [
    'typo in a section',
    { traces: { sampeler: { type: 'always_on' } } },
    'traces.sampeler',
    { type: 'always_on' },
    'enabled, exporter, export, sampler, batch, limits',
  ],
  ['typo at the top', { tracing: {} }, 'tracing', {}, 'traces, metrics'],
  [
    'batch larger than queue',
    { traces: { batch: { maxQueueSize: 10, maxExportBatchSize: 20 } } },
    'traces.batch.maxExportBatchSize',
    20,
    'at most traces.batch.maxQueueSize (10)',
  ],
  [
    'metric timeout above interval',
    { metrics: { exportIntervalMillis: 1000, exportTimeoutMillis: 2000 } },
    'metrics.exportTimeoutMillis',
    2000,
    'at most metrics.exportIntervalMillis (1000)',
  ],
  ['not an object', 42, '', 42, 'an object'],
];

describe('TelemetryConfigError', () => {
  describe('loadConfig with invalid code options', () => {
    it.each(ROWS)('should reject %s', (_case, config, path, received, accepted) => {
      const error = issuesFor(config);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ path, received, source: 'code' });
      expect(error.issues[0]?.expected).toContain(accepted);
      expect(error.message).toContain(accepted);
    });

    it('should list every problem at once, one line each, with path, value and accepted values', () => {
      const error = issuesFor({
        traces: { sampeler: {}, sampler: { ratio: 2 } },
        metrics: { prometheus: { port: 70000 } },
        logLevel: 'loud',
      });
      expect(error.issues.map((i) => i.path).sort()).toEqual(
        ['logLevel', 'metrics.prometheus.port', 'traces.sampeler', 'traces.sampler.ratio'].sort(),
      );
      const lines = error.message.split('\n');
      expect(lines[0]).toBe(
        '@proc/telemetry-config: invalid telemetry configuration (4 problems):',
      );
      expect(lines.slice(1)).toHaveLength(4);
      expect(error.message).toContain(
        'traces.sampler.ratio (code): received 2, expected a number from 0 to 1',
      );
      expect(error.name).toBe('TelemetryConfigError');
      expect(error).toBeInstanceOf(Error);
    });

    it('should throw for a batch larger than a queue set in another source (file vs code)', () => {
      const error = issuesFor({ traces: { batch: { maxExportBatchSize: 4096 } } });
      expect(error.issues[0]).toMatchObject({
        path: 'traces.batch.maxExportBatchSize',
        received: 4096,
        source: 'code',
      });
    });

    it('should redact a secret value it received', () => {
      const error = issuesFor({ resource: { attributes: { 'api.token': { v: 's3cret' } } } });
      expect(error.issues[0]?.received).toBe('[REDACTED]');
      expect(error.message).not.toContain('s3cret');
    });
  });
});
