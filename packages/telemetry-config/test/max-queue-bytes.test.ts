import { explainConfig, loadConfig, TelemetryConfigError } from '../src/index.js';
import { loadWith } from './helpers.js';

const MIB = 1024 * 1024;

describe('export.maxQueueBytes', () => {
  it('should default to 32 MiB for each signal', () => {
    const config = loadConfig({ env: {} });
    for (const signal of ['traces', 'metrics', 'logs'] as const) {
      expect(config[signal].export.maxQueueBytes).toBe(32 * MIB);
    }
  });

  it('should read PROC_TELEMETRY_MAX_QUEUE_BYTES for every signal and the per-signal one over it', () => {
    const { config, warnings } = loadWith({
      PROC_TELEMETRY_MAX_QUEUE_BYTES: String(8 * MIB),
      PROC_TELEMETRY_LOGS_MAX_QUEUE_BYTES: String(MIB),
    });
    expect(warnings).toEqual([]);
    expect(config.traces.export.maxQueueBytes).toBe(8 * MIB);
    expect(config.metrics.export.maxQueueBytes).toBe(8 * MIB);
    expect(config.logs.export.maxQueueBytes).toBe(MIB);
  });

  it('should take code and file values under export and <signal>.export', () => {
    const config = loadConfig({
      env: { PROC_TELEMETRY_MAX_QUEUE_BYTES: '1000' },
      config: { export: { maxQueueBytes: 2000 }, traces: { export: { maxQueueBytes: 3000 } } },
    });
    expect(config.traces.export.maxQueueBytes).toBe(3000);
    expect(config.metrics.export.maxQueueBytes).toBe(2000);
  });

  it.each([
    ['PROC_TELEMETRY_MAX_QUEUE_BYTES', '0'],
    ['PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES', '32MiB'],
  ])('should warn about %s=%s, naming what is accepted, and use the default', (name, value) => {
    const { config, warnings } = loadWith({ [name]: value });
    expect(warnings).toEqual([
      expect.objectContaining({ variable: name, value, expected: 'an integer >= 1' }),
    ]);
    expect(config.traces.export.maxQueueBytes).toBe(32 * MIB);
  });

  it('should reject a bad value in code, naming the field and the accepted values', () => {
    expect(() =>
      loadConfig({ env: {}, config: { logs: { export: { maxQueueBytes: 1.5 } } } }),
    ).toThrow(TelemetryConfigError);
    expect(() => loadConfig({ env: {}, config: { export: { maxQueueBytes: 0 } } })).toThrow(
      /export\.maxQueueBytes \(code\): received 0, expected an integer >= 1/,
    );
  });

  it('should name the variable that set each value in explainConfig()', () => {
    const { values } = explainConfig({
      env: {
        PROC_TELEMETRY_MAX_QUEUE_BYTES: '4096',
        PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES: '8192',
      },
    });
    const origin = (path: string) => values.find((value) => value.path === path)?.origin;
    expect(origin('traces.export.maxQueueBytes')).toBe('env:PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES');
    expect(origin('metrics.export.maxQueueBytes')).toBe('env:PROC_TELEMETRY_MAX_QUEUE_BYTES');
    expect(origin('logs.export.maxQueueBytes')).toBe('env:PROC_TELEMETRY_MAX_QUEUE_BYTES');
  });
});
