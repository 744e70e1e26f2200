import { defaultTelemetryConfig, type TraceConfig } from '@proc/telemetry-config';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** The config package's default `traces` section with `overrides` merged in. */
export function testTraceConfig(overrides: DeepPartial<TraceConfig> = {}): TraceConfig {
  const base = defaultTelemetryConfig().traces;
  return {
    ...base,
    ...overrides,
    export: {
      ...base.export,
      ...overrides.export,
      headers: { ...base.export.headers, ...overrides.export?.headers } as Record<string, string>,
      tls: { ...base.export.tls, ...overrides.export?.tls },
    },
    sampler: { ...base.sampler, ...overrides.sampler },
    batch: { ...base.batch, ...overrides.batch },
    limits: { ...base.limits, ...overrides.limits },
  } as TraceConfig;
}
