export { defaultTelemetryConfig } from './default-config.js';
export { explainConfig } from './explain-config.js';
export { isSamplingRatio } from './is-sampling-ratio.js';
export { loadConfig } from './load-config.js';
export { logConfigWarning } from './log-config-warning.js';
export { OTLP_EXPORT_USER_AGENT } from './otlp-export-user-agent.js';
export { parseConfig } from './parse-config.js';
export { parseOtlpEndpoint } from './parse-otlp-endpoint.js';
export { processInstanceId } from './process-instance-id.js';
export { redactConfig } from './redact-config.js';
export { redactUrl } from './redact-url.js';
export type { OptionalPeer } from './require-optional-peer.js';
export { missingPeerMessage, requireOptionalPeer } from './require-optional-peer.js';
export { serializeConfig } from './serialize-config.js';
export { TelemetryConfigError } from './telemetry-config-error.js';
export type {
  AttributeValue,
  BatchConfig,
  ConfigExplanation,
  ConfigFormat,
  ConfigSource,
  ConfigValueOrigin,
  ConfigWarning,
  DeepPartial,
  ExemplarFilterName,
  ExportConfig,
  ExportOptions,
  InstrumentationConfig,
  InstrumentationName,
  InstrumentationsConfig,
  LoadConfigOptions,
  LogBatchConfig,
  LogExporterName,
  LogLevel,
  LogRecordLimitsConfig,
  LogsConfig,
  MetricExporterName,
  MetricsConfig,
  OtlpCompression,
  OtlpEndpoint,
  OtlpProtocol,
  ParseConfigOptions,
  PrometheusConfig,
  PropagatorName,
  ResourceConfig,
  ResourceDetectorName,
  RetryConfig,
  SamplerConfig,
  SamplerName,
  SelfTelemetryConfig,
  ServiceConfig,
  SignalOptions,
  SpanLimitsConfig,
  TelemetryConfig,
  TelemetryConfigIssue,
  TelemetryConfigOptions,
  TemporalityPreference,
  TlsConfig,
  TraceConfig,
  TraceExporterName,
} from './types.js';
export {
  validateLogsConfig,
  validateMetricsConfig,
  validateTraceConfig,
} from './validate-config-section.js';
