import { defaultTelemetryConfig, type MetricsConfig } from '@proc/telemetry-config';

type Overrides = Partial<Omit<MetricsConfig, 'export' | 'prometheus'>> & {
  export?: Partial<MetricsConfig['export']>;
  prometheus?: Partial<MetricsConfig['prometheus']>;
};

/**
 * The `metrics` section of the built-in defaults with `overrides` applied; the exporter is
 * `none` unless overridden, and Prometheus binds to loopback, so no test exports by accident.
 */
export function createTestMetricsConfig(overrides: Overrides = {}): MetricsConfig {
  const defaults = defaultTelemetryConfig().metrics;
  const { export: exportOverrides, prometheus, ...rest } = overrides;
  return {
    ...defaults,
    exporter: ['none'],
    ...rest,
    export: { ...defaults.export, ...exportOverrides },
    prometheus: { ...defaults.prometheus, host: '127.0.0.1', ...prometheus },
  };
}
