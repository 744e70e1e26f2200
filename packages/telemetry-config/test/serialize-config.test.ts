// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} references are the subject here

import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  type ConfigFormat,
  defaultTelemetryConfig,
  loadConfig,
  parseConfig,
  serializeConfig,
  type TelemetryConfig,
} from '../src/index.js';
import { createTempDir } from './helpers.js';

const CA = join(__dirname, 'fixtures', 'tls', 'ca.pem');

function richConfig(): TelemetryConfig {
  return loadConfig({
    env: {
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc',
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.3',
    },
    config: {
      service: { name: 'checkout', version: '2.0.0', namespace: 'shop', environment: 'prod' },
      resource: {
        attributes: {
          'k.str': 'v',
          'k.num': 3.5,
          'k.bool': true,
          'k.list': ['a', 'b'],
          'price.$': 'cost ${X} $$ $',
        },
        detectors: ['env', 'host'],
      },
      export: { endpoint: 'https://u:p@collector:4318/base', compression: 'gzip' },
      traces: {
        export: { protocol: 'grpc', tls: { certificateFile: CA, insecure: true } },
        limits: { attributeValueLengthLimit: 256 },
      },
      metrics: {
        exporter: 'prometheus',
        temporality: 'delta',
        exemplarFilter: 'always_off',
        prometheus: { host: '0.0.0.0', port: 0 },
      },
      propagators: ['b3multi'],
      logLevel: 'warn',
    },
  });
}

const FORMATS: ConfigFormat[] = ['json', 'yaml'];

describe('serializeConfig', () => {
  const dir = createTempDir();
  afterAll(() => dir.cleanup());

  describe.each(FORMATS)('%s', (format) => {
    it.each([
      ['defaults', defaultTelemetryConfig],
      ['a config with every kind of value', richConfig],
      [
        'a disabled SDK with none propagators',
        () => loadConfig({ env: { OTEL_SDK_DISABLED: 'true', OTEL_PROPAGATORS: 'none' } }),
      ],
    ])('should round-trip %s through parseConfig', (_case, make) => {
      const config = make();
      expect(parseConfig(serializeConfig(config, format), format, { env: {} })).toEqual(config);
    });

    it('should round-trip through a file loaded by loadConfig', () => {
      const config = richConfig();
      const file = dir.write(`round-trip.${format}`, serializeConfig(config, format));
      expect(loadConfig({ file, env: {} })).toEqual(config);
    });

    it('should write full, unredacted values', () => {
      const text = serializeConfig(richConfig(), format);
      expect(text).toContain('Bearer abc');
      expect(text).toContain('https://u:p@collector:4318/base/v1/metrics');
    });
  });

  it('should write valid JSON with every field explicit', () => {
    const parsed = JSON.parse(serializeConfig(defaultTelemetryConfig(), 'json'));
    expect(parsed.traces.batch).toEqual({
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      scheduledDelayMillis: 5000,
      exportTimeoutMillis: 30000,
    });
    expect(parsed.metrics.export.endpoint).toBe('http://localhost:4318/v1/metrics');
  });

  it('should write YAML that plain YAML readers understand', () => {
    const parsed = parseYaml(serializeConfig(defaultTelemetryConfig(), 'yaml'));
    expect(parsed.service.name).toBe('unknown_service:node');
  });
});

describe('parseConfig', () => {
  it('should not apply OTEL_* variables, only ${NAME} references', () => {
    const config = parseConfig('service:\n  name: ${SVC}\n', 'yaml', {
      env: { SVC: 'a', OTEL_SERVICE_NAME: 'b', OTEL_LOG_LEVEL: 'debug' },
    });
    expect(config.service.name).toBe('a');
    expect(config.logLevel).toBe('info');
  });

  it('should name its origin in errors', () => {
    expect(() =>
      parseConfig('a: ${MISSING_VAR}', 'yaml', { env: {}, origin: 'inline.yaml' }),
    ).toThrow(/MISSING_VAR.*inline\.yaml/);
  });
});
