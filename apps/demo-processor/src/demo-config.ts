import type { TelemetryConfigOptions } from '@proc/telemetry';

type Env = Record<string, string | undefined>;

/** True when the environment names a collector (generic or per-signal endpoint). */
export function hasCollectorEndpoint(env: Env): boolean {
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ||
      env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT,
  );
}

/**
 * The demo's telemetry configuration in code. Code beats `OTEL_*`, so every demo default is
 * set only when the matching variable is unset: the usual variables keep working.
 *
 * - `endpoint` (from `--collector` or the in-process receiver) for every signal;
 * - service name `demo-processor`;
 * - spans exported every second and metrics every 2 s, so the live summary moves (the
 *   specification defaults, 5 s and 60 s, suit production, not a 20 s demo).
 */
export function demoTelemetryConfig(env: Env, endpoint?: string): TelemetryConfigOptions {
  return {
    service: { name: env.OTEL_SERVICE_NAME ? undefined : 'demo-processor', version: '0.0.0' },
    export: endpoint ? { endpoint } : undefined,
    traces: { batch: { scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY ? undefined : 1000 } },
    metrics: {
      exportIntervalMillis: env.OTEL_METRIC_EXPORT_INTERVAL ? undefined : 2000,
      exportTimeoutMillis: env.OTEL_METRIC_EXPORT_TIMEOUT ? undefined : 2000,
    },
  };
}
