import { loadConfig, type TelemetryConfigOptions } from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

describe('loadConfig', () => {
  describe('precedence: defaults < file < env < code', () => {
    const dir = createTempDir();
    afterAll(() => dir.cleanup());

    const file = dir.write(
      'precedence.yaml',
      [
        'service:',
        '  name: from-file',
        'traces:',
        '  batch:',
        '    maxQueueSize: 1000',
        '    scheduledDelayMillis: 1000',
        'logLevel: debug',
        '',
      ].join('\n'),
    );

    it('should use the default when no source sets a value', () => {
      const { config } = loadWith({});
      expect(config.service.name).toBe('unknown_service:node');
    });

    it('should let the file override the default', () => {
      const { config } = loadWith({}, { file });
      expect(config.service.name).toBe('from-file');
      expect(config.traces.batch.maxQueueSize).toBe(1000);
    });

    it('should let the environment override the file', () => {
      const { config } = loadWith(
        { OTEL_SERVICE_NAME: 'from-env', OTEL_BSP_MAX_QUEUE_SIZE: '3000' },
        { file },
      );
      expect(config.service.name).toBe('from-env');
      expect(config.traces.batch.maxQueueSize).toBe(3000);
    });

    it('should let code override the environment', () => {
      const { config } = loadWith(
        { OTEL_SERVICE_NAME: 'from-env' },
        { file, config: { service: { name: 'from-code' } } },
      );
      expect(config.service.name).toBe('from-code');
    });

    it('should merge field by field, each field from its highest source', () => {
      const { config } = loadWith(
        { OTEL_BSP_MAX_QUEUE_SIZE: '3000' },
        { file, config: { traces: { batch: { exportTimeoutMillis: 1234 } } } },
      );
      expect(config.traces.batch).toEqual({
        maxQueueSize: 3000, // env
        maxExportBatchSize: 512, // default
        scheduledDelayMillis: 1000, // file
        exportTimeoutMillis: 1234, // code
      });
      expect(config.logLevel).toBe('debug'); // file
    });

    it('should read the file named by PROC_TELEMETRY_CONFIG_FILE when no file option is given', () => {
      const { config } = loadWith({ PROC_TELEMETRY_CONFIG_FILE: file });
      expect(config.service.name).toBe('from-file');
    });

    it('should prefer the file option over PROC_TELEMETRY_CONFIG_FILE', () => {
      const other = dir.write('other.json', '{"service":{"name":"other"}}');
      const { config } = loadWith({ PROC_TELEMETRY_CONFIG_FILE: file }, { file: other });
      expect(config.service.name).toBe('other');
    });

    it('should read process.env at call time when no env is given', () => {
      const saved = process.env.OTEL_SERVICE_NAME;
      process.env.OTEL_SERVICE_NAME = 'from-process-env';
      try {
        expect(loadConfig().service.name).toBe('from-process-env');
      } finally {
        if (saved === undefined) delete process.env.OTEL_SERVICE_NAME;
        else process.env.OTEL_SERVICE_NAME = saved;
      }
    });

    it('should leave the options object untouched and return independent configs', () => {
      const options: TelemetryConfigOptions = {
        export: { headers: { a: '1' } },
        propagators: ['b3'],
      };
      const snapshot = JSON.parse(JSON.stringify(options));
      const first = loadConfig({ env: {}, config: options });
      first.traces.export.headers.b = '2';
      first.propagators.push('jaeger');
      expect(options).toEqual(snapshot);
      expect(loadConfig({ env: {}, config: options }).propagators).toEqual(['b3']);
      expect(first.metrics.export.headers).toEqual({ a: '1' });
    });

    it('should treat undefined in code as not set', () => {
      const { config } = loadWith(
        { OTEL_SERVICE_NAME: 'from-env' },
        { config: { service: { name: undefined } } },
      );
      expect(config.service.name).toBe('from-env');
    });

    it('should treat an undefined header value in code as not set', () => {
      const token: string | undefined = undefined;
      const { config } = loadWith(
        { OTEL_EXPORTER_OTLP_HEADERS: 'authorization=env' },
        {
          config: { export: { headers: { authorization: token } } },
        },
      );
      expect({ ...config.traces.export.headers }).toEqual({ authorization: 'env' });
    });

    it('should let a per-signal export section override the generic one in code', () => {
      const { config } = loadWith(
        {},
        {
          config: {
            export: { compression: 'gzip', timeoutMillis: 1000 },
            traces: { export: { timeoutMillis: 2000 } },
          },
        },
      );
      expect(config.traces.export).toMatchObject({ compression: 'gzip', timeoutMillis: 2000 });
      expect(config.metrics.export).toMatchObject({ compression: 'gzip', timeoutMillis: 1000 });
    });

    it('should let a generic env value override a per-signal file value (source before specificity)', () => {
      const yaml = dir.write('signal.yaml', 'traces:\n  export:\n    compression: gzip\n');
      const { config } = loadWith({ OTEL_EXPORTER_OTLP_COMPRESSION: 'none' }, { file: yaml });
      expect(config.traces.export.compression).toBe('none');
    });

    it('should merge headers and resource attributes key by key across sources', () => {
      const yaml = dir.write(
        'records.yaml',
        'export:\n  headers:\n    x-a: file\n    x-b: file\nresource:\n  attributes:\n    team: core\n',
      );
      const { config } = loadWith(
        { OTEL_EXPORTER_OTLP_HEADERS: 'x-b=env', OTEL_RESOURCE_ATTRIBUTES: 'region=eu' },
        { file: yaml, config: { traces: { export: { headers: { 'x-c': 'code' } } } } },
      );
      expect({ ...config.traces.export.headers }).toEqual({
        'x-a': 'file',
        'x-b': 'env',
        'x-c': 'code',
      });
      expect(config.resource.attributes).toEqual({ team: 'core', region: 'eu' });
    });

    it('should let a higher source re-enable a signal a lower source turned off', () => {
      const { config } = loadWith(
        { OTEL_TRACES_EXPORTER: 'none' },
        { config: { traces: { exporter: 'console' } } },
      );
      expect(config.traces).toMatchObject({ enabled: true, exporter: ['console'] });
    });
  });
});
