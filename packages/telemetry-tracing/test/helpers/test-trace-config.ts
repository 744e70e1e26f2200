import type { TraceConfig } from '../../src/internal/config-types.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A complete TraceConfig with the specification defaults, as `loadConfig()` resolves it. */
export function testTraceConfig(overrides: DeepPartial<TraceConfig> = {}): TraceConfig {
  const base: TraceConfig = {
    enabled: true,
    exporter: 'otlp',
    export: {
      endpoint: 'http://127.0.0.1:4318/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
      compression: 'none',
      timeoutMillis: 10_000,
      tls: { insecure: false },
    },
    sampler: { type: 'parentbased_always_on', ratio: 1 },
    batch: {
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      scheduledDelayMillis: 5000,
      exportTimeoutMillis: 30_000,
    },
    limits: {
      attributeCountLimit: 128,
      eventCountLimit: 128,
      linkCountLimit: 128,
      attributePerEventCountLimit: 128,
      attributePerLinkCountLimit: 128,
    },
  };
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
