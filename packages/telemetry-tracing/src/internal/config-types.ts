import type { TelemetryConfig } from '@proc/telemetry-config';

/*
 * Section types of the config contract, reached through `TelemetryConfig` so this package only
 * relies on the config package's root export.
 */
export type TraceConfig = TelemetryConfig['traces'];
export type ExportConfig = TraceConfig['export'];
export type BatchConfig = TraceConfig['batch'];
export type SamplerConfig = TraceConfig['sampler'];
export type SpanLimitsConfig = TraceConfig['limits'];
export type TlsConfig = ExportConfig['tls'];
