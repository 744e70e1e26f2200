import type { MetricsConfig } from '../../src/internal/config-types.js';

type Overrides = Partial<Omit<MetricsConfig, 'export' | 'prometheus'>> & {
  export?: Partial<MetricsConfig['export']>;
  prometheus?: Partial<MetricsConfig['prometheus']>;
};

/** A complete `metrics` section with the documented defaults, exporting nowhere by default. */
export function createTestMetricsConfig(overrides: Overrides = {}): MetricsConfig {
  const { export: exportOverrides, prometheus, ...rest } = overrides;
  return {
    enabled: true,
    exporter: 'none',
    temporality: 'cumulative',
    exportIntervalMillis: 60_000,
    exportTimeoutMillis: 30_000,
    ...rest,
    export: {
      endpoint: 'http://127.0.0.1:4318/v1/metrics',
      protocol: 'http/protobuf',
      headers: {},
      compression: 'none',
      timeoutMillis: 10_000,
      tls: { insecure: false },
      ...exportOverrides,
    },
    prometheus: { host: '127.0.0.1', port: 9464, ...prometheus },
  };
}
