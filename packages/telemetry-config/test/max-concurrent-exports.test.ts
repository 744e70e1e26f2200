import { loadConfig, TelemetryConfigError } from '../src/index.js';

describe('export.maxConcurrentExports', () => {
  it('should default to one export in flight per signal', () => {
    const config = loadConfig({ env: {} });
    expect(config.traces.export.maxConcurrentExports).toBe(1);
    expect(config.metrics.export.maxConcurrentExports).toBe(1);
  });

  it('should take the generic value for both signals and a signal value over it', () => {
    const config = loadConfig({
      env: {},
      config: {
        export: { maxConcurrentExports: 3 },
        metrics: { export: { maxConcurrentExports: 2 } },
      },
    });
    expect(config.traces.export.maxConcurrentExports).toBe(3);
    expect(config.metrics.export.maxConcurrentExports).toBe(2);
  });

  it.each([0, -1, 1.5, '2'])(
    'should reject %p, naming the field and the accepted values',
    (value) => {
      expect(() =>
        loadConfig({
          env: {},
          config: { traces: { export: { maxConcurrentExports: value as number } } },
        }),
      ).toThrow(TelemetryConfigError);
      expect(() =>
        loadConfig({
          env: {},
          config: { traces: { export: { maxConcurrentExports: value as number } } },
        }),
      ).toThrow(
        /traces\.export\.maxConcurrentExports \(code\): received .*, expected an integer >= 1/,
      );
    },
  );
});
