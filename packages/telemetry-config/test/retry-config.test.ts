import { explainConfig, loadConfig, TelemetryConfigError } from '../src/index.js';
import { loadWith } from './helpers.js';

describe('export.retry', () => {
  it('should default to 5 attempts, 1 s doubling to 30 s, no budget, for each signal', () => {
    const config = loadConfig({ env: {} });
    for (const signal of ['traces', 'metrics'] as const) {
      expect(config[signal].export.retry).toEqual({
        maxAttempts: 5,
        initialBackoffMillis: 1000,
        maxBackoffMillis: 30_000,
      });
    }
  });

  it('should read PROC_TELEMETRY_RETRY_* for both signals and the per-signal ones over them', () => {
    const { config, warnings } = loadWith({
      PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '3',
      PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS: '200',
      PROC_TELEMETRY_RETRY_MAX_BACKOFF_MILLIS: '2000',
      PROC_TELEMETRY_RETRY_BUDGET_MILLIS: '10000',
      PROC_TELEMETRY_METRICS_RETRY_MAX_ATTEMPTS: '1',
    });
    expect(warnings).toEqual([]);
    expect(config.traces.export.retry).toEqual({
      maxAttempts: 3,
      initialBackoffMillis: 200,
      maxBackoffMillis: 2000,
      budgetMillis: 10_000,
    });
    expect(config.metrics.export.retry.maxAttempts).toBe(1);
    expect(config.metrics.export.retry.budgetMillis).toBe(10_000);
  });

  it('should take code and file values under export.retry and <signal>.export.retry', () => {
    const config = loadConfig({
      env: { PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '7' },
      config: {
        export: { retry: { maxBackoffMillis: 5000 } },
        traces: { export: { retry: { maxAttempts: 2 } } },
      },
    });
    expect(config.traces.export.retry).toMatchObject({ maxAttempts: 2, maxBackoffMillis: 5000 });
    expect(config.metrics.export.retry).toMatchObject({ maxAttempts: 7, maxBackoffMillis: 5000 });
  });

  it.each([
    ['PROC_TELEMETRY_RETRY_MAX_ATTEMPTS', '0', 'an integer >= 1'],
    ['PROC_TELEMETRY_TRACES_RETRY_INITIAL_BACKOFF_MILLIS', '-5', 'an integer > 0 (milliseconds)'],
    ['PROC_TELEMETRY_RETRY_BUDGET_MILLIS', '10s', 'an integer > 0 (milliseconds)'],
  ])(
    'should warn about %s=%s, naming what is accepted, and use the default',
    (name, value, expected) => {
      const { config, warnings } = loadWith({ [name]: value });
      expect(warnings).toEqual([expect.objectContaining({ variable: name, value, expected })]);
      expect(config.traces.export.retry).toEqual(loadConfig({ env: {} }).traces.export.retry);
    },
  );

  it('should reject a bad value in code, naming the field and the accepted values', () => {
    expect(() =>
      loadConfig({ env: {}, config: { metrics: { export: { retry: { maxAttempts: 0.5 } } } } }),
    ).toThrow(TelemetryConfigError);
    expect(() =>
      loadConfig({ env: {}, config: { export: { retry: { budgetMillis: 0 } } } }),
    ).toThrow(/export\.retry\.budgetMillis \(code\): received 0, expected an integer > 0/);
  });

  it('should name the variable that set each retry value in explainConfig()', () => {
    const { values } = explainConfig({
      env: {
        PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '3',
        PROC_TELEMETRY_TRACES_RETRY_BUDGET_MILLIS: '9000',
      },
    });
    const origin = (path: string) => values.find((value) => value.path === path)?.origin;
    expect(origin('traces.export.retry.maxAttempts')).toBe('env:PROC_TELEMETRY_RETRY_MAX_ATTEMPTS');
    expect(origin('traces.export.retry.budgetMillis')).toBe(
      'env:PROC_TELEMETRY_TRACES_RETRY_BUDGET_MILLIS',
    );
    expect(origin('metrics.export.retry.initialBackoffMillis')).toBe('default');
  });
});
