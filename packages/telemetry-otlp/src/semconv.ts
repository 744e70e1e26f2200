/*
 * Incubating ("Development" stability) semantic-convention names of the SDK's own metrics,
 * copied from `@opentelemetry/semantic-conventions` 1.45.0 (`/incubating`) rather than imported,
 * as the OpenTelemetry JS SDK does in its own `semconv.ts`: a minor release of that package may
 * rename them. `test/semconv.test.ts` checks every copy against the installed release. Only the
 * export self-metrics of this package use them.
 * https://opentelemetry.io/docs/specs/semconv/otel/sdk-metrics/
 */

/** `otel.sdk.processor.span.queue.size`: spans in the queue of a span processor. */
export const METRIC_OTEL_SDK_PROCESSOR_SPAN_QUEUE_SIZE =
  'otel.sdk.processor.span.queue.size' as const;
/** `otel.sdk.processor.span.queue.capacity`: spans the queue of a span processor can hold. */
export const METRIC_OTEL_SDK_PROCESSOR_SPAN_QUEUE_CAPACITY =
  'otel.sdk.processor.span.queue.capacity' as const;
/** `otel.sdk.processor.span.processed`: spans a processor passed to its exporter (or dropped, with `error.type`). */
export const METRIC_OTEL_SDK_PROCESSOR_SPAN_PROCESSED =
  'otel.sdk.processor.span.processed' as const;
/** `otel.sdk.processor.log.queue.size`: log records in the queue of a log processor. */
export const METRIC_OTEL_SDK_PROCESSOR_LOG_QUEUE_SIZE =
  'otel.sdk.processor.log.queue.size' as const;
/** `otel.sdk.processor.log.queue.capacity`: log records the queue of a log processor can hold. */
export const METRIC_OTEL_SDK_PROCESSOR_LOG_QUEUE_CAPACITY =
  'otel.sdk.processor.log.queue.capacity' as const;
/** `otel.sdk.processor.log.processed`: log records a processor passed to its exporter (or dropped). */
export const METRIC_OTEL_SDK_PROCESSOR_LOG_PROCESSED = 'otel.sdk.processor.log.processed' as const;
/** `otel.sdk.exporter.span.inflight`: spans passed to the exporter and not exported yet. */
export const METRIC_OTEL_SDK_EXPORTER_SPAN_INFLIGHT = 'otel.sdk.exporter.span.inflight' as const;
/** `otel.sdk.exporter.span.exported`: spans whose export finished (failed ones with `error.type`). */
export const METRIC_OTEL_SDK_EXPORTER_SPAN_EXPORTED = 'otel.sdk.exporter.span.exported' as const;
/** `otel.sdk.exporter.metric_data_point.inflight`. */
export const METRIC_OTEL_SDK_EXPORTER_METRIC_DATA_POINT_INFLIGHT =
  'otel.sdk.exporter.metric_data_point.inflight' as const;
/** `otel.sdk.exporter.metric_data_point.exported`. */
export const METRIC_OTEL_SDK_EXPORTER_METRIC_DATA_POINT_EXPORTED =
  'otel.sdk.exporter.metric_data_point.exported' as const;
/** `otel.sdk.exporter.log.inflight`. */
export const METRIC_OTEL_SDK_EXPORTER_LOG_INFLIGHT = 'otel.sdk.exporter.log.inflight' as const;
/** `otel.sdk.exporter.log.exported`. */
export const METRIC_OTEL_SDK_EXPORTER_LOG_EXPORTED = 'otel.sdk.exporter.log.exported' as const;
/** `otel.sdk.exporter.operation.duration`: one export, first attempt to last answer, in seconds. */
export const METRIC_OTEL_SDK_EXPORTER_OPERATION_DURATION =
  'otel.sdk.exporter.operation.duration' as const;

/** `otel.component.type`: the kind of SDK component, e.g. `otlp_grpc_span_exporter`. */
export const ATTR_OTEL_COMPONENT_TYPE = 'otel.component.type' as const;
/** `otel.component.name`: one instance of it, `<type>/<counter>`. */
export const ATTR_OTEL_COMPONENT_NAME = 'otel.component.name' as const;

/** `otel.component.type` values. */
export const OTEL_COMPONENT_TYPE_VALUE_BATCHING_SPAN_PROCESSOR = 'batching_span_processor' as const;
export const OTEL_COMPONENT_TYPE_VALUE_BATCHING_LOG_PROCESSOR = 'batching_log_processor' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_SPAN_EXPORTER = 'otlp_grpc_span_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_SPAN_EXPORTER = 'otlp_http_span_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_SPAN_EXPORTER =
  'otlp_http_json_span_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_METRIC_EXPORTER =
  'otlp_grpc_metric_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_METRIC_EXPORTER =
  'otlp_http_metric_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_METRIC_EXPORTER =
  'otlp_http_json_metric_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_LOG_EXPORTER = 'otlp_grpc_log_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_LOG_EXPORTER = 'otlp_http_log_exporter' as const;
export const OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_LOG_EXPORTER =
  'otlp_http_json_log_exporter' as const;
