/**
 * OpenTelemetry for Node.js stream processors: `initTelemetry()` wires configuration, resource,
 * tracing, metrics, logs and context propagation and registers the globals; the helpers apps use day
 * to day are re-exported from the sub-packages so an app depends on `@proc/telemetry` only.
 * @packageDocumentation
 */

export type {
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
export { loadConfig, redactUrl, TelemetryConfigError } from '@proc/telemetry-config';
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
  headerCarrier,
  injectContext,
  injectIntoHeaders,
  propagateContext,
  removeBaggage,
  setBaggage,
  startBatchProcessSpan,
  startMessageProcessSpan,
  withContext,
} from '@proc/telemetry-context';
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
export {
  createMetricsRecorder,
  METRIC_ATTRIBUTES,
  METRIC_DEFINITIONS,
  METRIC_NAMES,
} from '@proc/telemetry-metrics';
export type { ProcessorOptions } from '@proc/telemetry-resource';
// @proc/telemetry-resource
export {
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  ATTR_PROCESSOR_PIPELINE_STAGE,
  ATTR_PROCESSOR_WORKER_ID,
} from '@proc/telemetry-resource';
export type {
  SpanBuilder,
  SpanBuilderOptions,
  SpanExportCounts,
  WithSpanOptions,
} from '@proc/telemetry-tracing';
// @proc/telemetry-tracing
export {
  ATTR_AGGREGATION_TYPE,
  ATTR_BATCH_SIZE,
  ATTR_EVENT_ID,
  ATTR_EVENT_TYPE,
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_OFFSET,
  ATTR_PARTITION,
  ATTR_WINDOW_END,
  ATTR_WINDOW_ID,
  ATTR_WINDOW_START,
  ATTR_WINDOW_TYPE,
  MESSAGING_OPERATION_TYPE_VALUE_CREATE,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_OPERATION_TYPE_VALUE_RECEIVE,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
  MESSAGING_OPERATION_TYPE_VALUE_SETTLE,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  recordException,
  SPAN_CHECKPOINT,
  SPAN_PROCESS_BATCH,
  SPAN_PROCESS_EVENT,
  SPAN_PUBLISH_RESULT,
  SPAN_RECEIVE_BATCH,
  SPAN_WINDOW_AGGREGATE,
  SPAN_WINDOW_EMIT,
  spanBuilder,
  traced,
  withSpan,
} from '@proc/telemetry-tracing';
// The one function this package adds.
export { initTelemetry } from './init-telemetry.js';
export type {
  InitTelemetryOptions,
  TelemetryExportCounts,
  TelemetryProviders,
} from './types.js';
