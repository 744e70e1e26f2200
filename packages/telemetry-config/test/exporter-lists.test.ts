import { TelemetryConfigError } from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

describe('loadConfig', () => {
  describe('exporter lists', () => {
    it('should keep every exporter of OTEL_TRACES_EXPORTER, in order, each once', () => {
      const { config, warnings } = loadWith({ OTEL_TRACES_EXPORTER: 'console,otlp,console' });
      expect(config.traces.exporter).toEqual(['console', 'otlp']);
      expect(config.traces.enabled).toBe(true);
      expect(warnings).toEqual([]);
    });

    it('should skip an unknown entry with a warning and keep the known ones', () => {
      const { config, warnings } = loadWith({ OTEL_LOGS_EXPORTER: 'console,syslog,otlp' });
      expect(config.logs.exporter).toEqual(['console', 'otlp']);
      expect(warnings.map((w) => [w.variable, w.value])).toEqual([
        ['OTEL_LOGS_EXPORTER', 'syslog'],
      ]);
    });

    it.each([
      ['OTEL_TRACES_EXPORTER', 'traces'],
      ['OTEL_METRICS_EXPORTER', 'metrics'],
      ['OTEL_LOGS_EXPORTER', 'logs'],
    ] as const)('should turn the signal off for %s=none', (variable, signal) => {
      const { config, warnings } = loadWith({ [variable]: 'none' });
      expect(config[signal]).toMatchObject({ enabled: false, exporter: [] });
      expect(warnings).toEqual([]);
    });

    it('should let none beside other exporters in the env win, with a warning naming the variable', () => {
      const { config, warnings } = loadWith({ OTEL_TRACES_EXPORTER: 'otlp,none' });
      expect(config.traces).toMatchObject({ enabled: false, exporter: [] });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toContain('OTEL_TRACES_EXPORTER');
      expect(warnings[0]?.expected).toBe('"none" alone (using none: nothing is exported)');
    });

    it('should accept one name in code, as before, and resolve it to a list', () => {
      const { config } = loadWith({}, { config: { metrics: { exporter: 'prometheus' } } });
      expect(config.metrics.exporter).toEqual(['prometheus']);
    });

    it('should accept a list in code, which replaces the env list whole', () => {
      const { config } = loadWith(
        { OTEL_TRACES_EXPORTER: 'otlp' },
        { config: { traces: { exporter: ['console', 'otlp'] } } },
      );
      expect(config.traces.exporter).toEqual(['console', 'otlp']);
    });

    it('should read a list from a config file', () => {
      const dir = createTempDir();
      try {
        const file = dir.write('telemetry.yaml', 'logs:\n  exporter: [console, otlp]\n');
        expect(loadWith({}, { file }).config.logs.exporter).toEqual(['console', 'otlp']);
      } finally {
        dir.cleanup();
      }
    });

    it('should reject none beside other exporters in code, naming the field', () => {
      let error: unknown;
      try {
        loadWith({}, { config: { traces: { exporter: ['none', 'otlp'] } } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TelemetryConfigError);
      expect((error as TelemetryConfigError).issues).toEqual([
        {
          path: 'traces.exporter',
          received: ['none', 'otlp'],
          expected: '"none" alone, or a list without "none"',
          source: 'code',
        },
      ]);
    });

    it('should export nothing for an empty list, as a serialized config of none holds it', () => {
      const { config } = loadWith({}, { config: { logs: { exporter: [] } } });
      expect(config.logs).toMatchObject({ enabled: false, exporter: [] });
    });
  });
});
