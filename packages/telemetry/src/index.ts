/**
 * OpenTelemetry for Node.js stream processors: `initTelemetry()` wires configuration, resource,
 * tracing, metrics, logs and context propagation and registers the globals; the helpers apps use
 * day to day are re-exported from the sub-packages so an app depends on `@proc/telemetry` only.
 * The constants (span names, attribute keys, metric names) are in the `@proc/telemetry/semconv`
 * subpath.
 * @packageDocumentation
 */

export type {
  ConfigExplanation,
  ConfigValueOrigin,
  ConfigWarning,
  ExemplarFilterName,
  LoadConfigOptions,
  LogLevel,
  LogsConfig,
  MetricsConfig,
  OtlpProtocol,
  PropagatorName,
  TelemetryConfig,
  TelemetryConfigIssue,
  TelemetryConfigOptions,
  TraceConfig,
} from '@proc/telemetry-config';
// @proc/telemetry-config
export {
  explainConfig,
  loadConfig,
  redactUrl,
  TelemetryConfigError,
} from '@proc/telemetry-config';
export type {
  BaggageItem,
  BaggageSpanProcessorOptions,
  BatchProcessSpanOptions,
  HeaderCarrier,
  MessageProcessSpanOptions,
  ProcessSpanScope,
  PropagationOptions,
  TraceIds,
} from '@proc/telemetry-context';
// @proc/telemetry-context
export {
  bindContext,
  createBaggageSpanProcessor,
  currentTraceIds,
  extractContext,
  extractFromHeaders,
  getBaggage,
  headerGetterSetter,
  injectContext,
  injectIntoHeaders,
  propagateContext,
  removeBaggage,
  setBaggage,
  startBatchProcessSpan,
  startMessageProcessSpan,
  withContext,
} from '@proc/telemetry-context';
export type {
  DiagnoseTelemetryOptions,
  Diagnosis,
  DoctorFinding,
  DoctorFindingCode,
  DoctorSignal,
} from '@proc/telemetry-doctor';
export type { LogExportCounts } from '@proc/telemetry-logs';
// @proc/telemetry-logs
export { SeverityNumber } from '@proc/telemetry-logs';
export type {
  MetricDefinition,
  MetricExportCounts,
  MetricsRecorder,
  MetricsRecorderOptions,
  MetricViewOptions,
} from '@proc/telemetry-metrics';
// @proc/telemetry-metrics
export { createMetricsRecorder } from '@proc/telemetry-metrics';
// @proc/telemetry-resource
export type { ProcessorOptions } from '@proc/telemetry-resource';
export type {
  SpanBuilder,
  SpanBuilderOptions,
  SpanExportCounts,
  WithSpanOptions,
} from '@proc/telemetry-tracing';
// @proc/telemetry-tracing
export { recordException, spanBuilder, traced, withSpan } from '@proc/telemetry-tracing';
// @proc/telemetry-doctor's diagnosis, loaded on the first call.
export { diagnoseTelemetry } from './diagnose-telemetry.js';
// The one function this package adds.
export { initTelemetry } from './init-telemetry.js';
export type {
  InitTelemetryOptions,
  TelemetryExportCounts,
  TelemetryProviders,
  TelemetryShutdownReport,
} from './types.js';
