import type { TelemetryConfig } from '@proc/telemetry-config';

// The configuration sections this package reads, derived from the whole configuration type so
// they always follow `@proc/telemetry-config`.

/** The `metrics` section. */
export type MetricsConfig = TelemetryConfig['metrics'];
/** Where and how metrics are exported over OTLP. */
export type ExportConfig = MetricsConfig['export'];
/** TLS files of an OTLP connection. */
export type TlsConfig = ExportConfig['tls'];
/** The Prometheus pull endpoint. */
export type PrometheusConfig = MetricsConfig['prometheus'];
/** `cumulative`, `delta` or `lowmemory`. */
export type TemporalityPreference = MetricsConfig['temporality'];
