import { explainConfig, loadConfig, TelemetryConfigError } from '../src/index.js';
import { loadWith } from './helpers.js';

const MIB = 1024 * 1024;

describe('export.maxQueueBytesWhileFailing', () => {
  it('should default to 1 MiB for each signal', () => {
    const config = loadConfig({ env: {} });
    for (const signal of ['traces', 'metrics', 'logs'] as const) {
      expect(config[signal].export.maxQueueBytesWhileFailing).toBe(MIB);
    }
  });

  it('should read PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING for every signal and the per-signal one over it', () => {
    const { config, warnings } = loadWith({
      PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING: String(8 * MIB),
      PROC_TELEMETRY_LOGS_MAX_QUEUE_BYTES_WHILE_FAILING: String(2 * MIB),
    });
    expect(warnings).toEqual([]);
    expect(config.traces.export.maxQueueBytesWhileFailing).toBe(8 * MIB);
    expect(config.metrics.export.maxQueueBytesWhileFailing).toBe(8 * MIB);
    expect(config.logs.export.maxQueueBytesWhileFailing).toBe(2 * MIB);
    // The full budget is its own setting.
    expect(config.logs.export.maxQueueBytes).toBe(32 * MIB);
  });

  it('should take code and file values under export and <signal>.export', () => {
    const config = loadConfig({
      env: {},
      config: {
        export: { maxQueueBytesWhileFailing: 2000 },
        traces: { export: { maxQueueBytesWhileFailing: 3000 } },
      },
    });
    expect(config.traces.export.maxQueueBytesWhileFailing).toBe(3000);
    expect(config.metrics.export.maxQueueBytesWhileFailing).toBe(2000);
  });

  it('should warn about a bad variable, naming what is accepted, and use the default', () => {
    const name = 'PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES_WHILE_FAILING';
    const { config, warnings } = loadWith({ [name]: '1MiB' });
    expect(warnings).toEqual([
      expect.objectContaining({ variable: name, value: '1MiB', expected: 'an integer >= 1' }),
    ]);
    expect(config.traces.export.maxQueueBytesWhileFailing).toBe(MIB);
  });

  it('should reject a bad value in code, naming the field and the accepted values', () => {
    expect(() =>
      loadConfig({ env: {}, config: { traces: { export: { maxQueueBytesWhileFailing: -1 } } } }),
    ).toThrow(TelemetryConfigError);
    expect(() =>
      loadConfig({ env: {}, config: { export: { maxQueueBytesWhileFailing: 0 } } }),
    ).toThrow(/export\.maxQueueBytesWhileFailing \(code\): received 0, expected an integer >= 1/);
  });

  it('should name the variable that set each value in explainConfig()', () => {
    const { values } = explainConfig({
      env: {
        PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING: '4096',
        PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES_WHILE_FAILING: '8192',
      },
    });
    const origin = (path: string) => values.find((value) => value.path === path)?.origin;
    expect(origin('traces.export.maxQueueBytesWhileFailing')).toBe(
      'env:PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES_WHILE_FAILING',
    );
    expect(origin('metrics.export.maxQueueBytesWhileFailing')).toBe(
      'env:PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING',
    );
  });
});
