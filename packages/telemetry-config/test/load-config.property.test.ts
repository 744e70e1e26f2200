// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} references are the subject here
import fc from 'fast-check';
import {
  loadConfig,
  parseConfig,
  serializeConfig,
  type TelemetryConfig,
  TelemetryConfigError,
} from '../src/index.js';
import { telemetryConfigSchema } from '../src/internal/schema.js';
import { createTempDir } from './helpers.js';

const VARIABLES = [
  'OTEL_SDK_DISABLED',
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_TRACES_EXPORTER',
  'OTEL_METRICS_EXPORTER',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
  'OTEL_BSP_MAX_QUEUE_SIZE',
  'OTEL_BSP_MAX_EXPORT_BATCH_SIZE',
  'OTEL_BSP_SCHEDULE_DELAY',
  'OTEL_BSP_EXPORT_TIMEOUT',
  'OTEL_METRIC_EXPORT_INTERVAL',
  'OTEL_METRIC_EXPORT_TIMEOUT',
  'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
  'OTEL_METRICS_EXEMPLAR_FILTER',
  'OTEL_PROPAGATORS',
  'OTEL_LOG_LEVEL',
  'OTEL_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  'OTEL_SPAN_EVENT_COUNT_LIMIT',
  'OTEL_SPAN_LINK_COUNT_LIMIT',
  'OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_LINK_ATTRIBUTE_COUNT_LIMIT',
  'OTEL_EXPORTER_PROMETHEUS_HOST',
  'OTEL_EXPORTER_PROMETHEUS_PORT',
  ...['', 'TRACES_', 'METRICS_'].flatMap((signal) =>
    [
      'ENDPOINT',
      'PROTOCOL',
      'HEADERS',
      'TIMEOUT',
      'COMPRESSION',
      'CERTIFICATE',
      'CLIENT_KEY',
      'CLIENT_CERTIFICATE',
      'INSECURE',
    ].map((name) => `OTEL_EXPORTER_OTLP_${signal}${name}`),
  ),
];

/** Values near the accepted ones as well as noise, so both paths get exercised. */
const envValue = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'true',
    'FALSE',
    'none',
    'grpc',
    'http/json',
    'gzip',
    'delta',
    'always_off',
    'b3,xray',
    '0',
    '-1',
    '1.5',
    '70000',
    'a=b,c=%2C',
    '%ZZ',
    'http://h:1/',
    'https://u:p@h',
  ),
  fc.integer({ min: -10, max: 100_000 }).map(String),
  fc.double().map(String),
);

const envMap = fc.dictionary(
  fc.oneof(fc.constantFrom(...VARIABLES), fc.string()),
  fc.option(envValue, { nil: undefined }),
);

/** Options-shaped input: known keys with plausible or arbitrary values, plus arbitrary JSON. */
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(0, 1, 0.5, 512, 4096, 65536, 'grpc', 'none', 'otlp', 'http://h:4318', ['b3'], {
    a: 'b',
  }),
);
const section = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), leaf, { maxKeys: 4 });
const optionsLike = fc.record(
  {
    traces: fc.record(
      {
        batch: section(['maxQueueSize', 'maxExportBatchSize', 'scheduledDelayMillis']),
        sampler: section(['type', 'ratio']),
        export: section(['endpoint', 'protocol', 'headers']),
      },
      { requiredKeys: [] },
    ),
    metrics: fc.record(
      {
        exportIntervalMillis: leaf,
        exportTimeoutMillis: leaf,
        prometheus: section(['host', 'port']),
      },
      { requiredKeys: [] },
    ),
    export: section(['endpoint', 'protocol', 'headers', 'timeoutMillis', 'tls']),
    propagators: leaf,
  },
  { requiredKeys: [] },
);

/** Valid options with awkward strings (`$`, `${X}`, quotes, unicode, YAML-looking text). */
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.constantFrom('${X}', '$$', 'a: b', '- x', '#c', 'true', '0x1', "'q'", 'ünï'),
);
// Printable ASCII, which every protocol (gRPC metadata included) can send.
const headerValue = text.filter((value) => /^[\u0020-\u007e]*$/.test(value));
const validOptions = fc.record(
  {
    service: fc.record({ name: text, version: text, environment: text }, { requiredKeys: [] }),
    resource: fc.record({
      attributes: fc.dictionary(
        text,
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.array(fc.string()),
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })),
        ),
      ),
    }),
    export: fc.record(
      {
        endpoint: fc.constantFrom('http://h:4318', 'https://u:p@h/base/', 'http://h/?token=x'),
        protocol: fc.constantFrom('grpc' as const, 'http/protobuf' as const, 'http/json' as const),
        // Not `-bin` names: gRPC reserves them for binary metadata and rejects them (a valid
        // config only; the generator produced `-bin` now and then, failing the property).
        headers: fc.dictionary(
          fc.stringMatching(/^[a-z0-9-]{1,10}$/).filter((name) => !name.endsWith('-bin')),
          headerValue,
        ),
      },
      { requiredKeys: [] },
    ),
    traces: fc.record(
      {
        sampler: fc.record({
          type: fc.constantFrom('always_on' as const, 'traceidratio' as const),
          ratio: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        batch: fc.record({
          maxQueueSize: fc.integer({ min: 1000, max: 5000 }),
          maxExportBatchSize: fc.integer({ min: 1, max: 1000 }),
        }),
        limits: fc.record({ attributeValueLengthLimit: fc.nat() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    metrics: fc.record(
      { prometheus: fc.record({ port: fc.integer({ min: 0, max: 65535 }) }) },
      { requiredKeys: [] },
    ),
    propagators: fc.subarray(['tracecontext', 'baggage', 'b3'] as const),
  },
  { requiredKeys: [] },
);
const anyInput = fc.oneof(fc.jsonValue(), optionsLike, validOptions);

function expectValid(config: TelemetryConfig): void {
  const result = telemetryConfigSchema().safeParse(config);
  expect(result.error?.issues).toBeUndefined();
}

/** Runs `load`; it may only return a valid config or throw TelemetryConfigError. */
function loadsOrRejects(load: () => TelemetryConfig): TelemetryConfig | undefined {
  try {
    const config = load();
    expectValid(config);
    return config;
  } catch (error) {
    if (!(error instanceof TelemetryConfigError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    return undefined;
  }
}

describe('loadConfig', () => {
  describe('properties', () => {
    it('should never throw for any environment, and always return a valid config', () => {
      fc.assert(
        fc.property(envMap, (env) => {
          const config = loadConfig({ env, onWarning: () => {} });
          expectValid(config);
        }),
        { numRuns: 300 },
      );
    });

    it('should only throw TelemetryConfigError for arbitrary code options', () => {
      fc.assert(
        fc.property(anyInput, envMap, (config, env) => {
          loadsOrRejects(() => loadConfig({ env, config: config as never, onWarning: () => {} }));
        }),
        { numRuns: 300 },
      );
    });

    it('should only throw TelemetryConfigError for arbitrary file text', () => {
      const text = fc.oneof(
        anyInput.map((value) => JSON.stringify(value) ?? ''),
        fc.string(),
      );
      fc.assert(
        fc.property(text, fc.constantFrom('json' as const, 'yaml' as const), (content, format) => {
          loadsOrRejects(() => parseConfig(content, format, { env: {} }));
        }),
        { numRuns: 300 },
      );
    });

    it('should only throw TelemetryConfigError for arbitrary JSON in a config file', () => {
      const dir = createTempDir();
      try {
        fc.assert(
          fc.property(anyInput, (value) => {
            const file = dir.write('property.json', JSON.stringify(value) ?? 'null');
            loadsOrRejects(() => loadConfig({ file, env: {} }));
          }),
          { numRuns: 100 },
        );
      } finally {
        dir.cleanup();
      }
    });

    it('should round-trip every config it returns through JSON and YAML', () => {
      fc.assert(
        fc.property(validOptions, envMap, (input, env) => {
          const config = loadConfig({ env, config: input, onWarning: () => {} });
          for (const format of ['json', 'yaml'] as const) {
            expect(parseConfig(serializeConfig(config, format), format, { env: {} })).toEqual(
              config,
            );
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
