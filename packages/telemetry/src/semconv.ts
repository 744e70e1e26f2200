/**
 * `@proc/telemetry/semconv`: the names of stream-processing telemetry, kept out of the main entry
 * so it stays small. Attribute keys (one per concept for spans, metrics and logs) from
 * `@proc/telemetry-semconv`, resource keys from `@proc/telemetry-resource`, span names from
 * `@proc/telemetry-tracing`, and instrument names, attribute sets and definitions from
 * `@proc/telemetry-metrics`. Re-exports only.
 * @packageDocumentation
 */

// @proc/telemetry-metrics
export { METRIC_ATTRIBUTES, METRIC_DEFINITIONS, METRIC_NAMES } from '@proc/telemetry-metrics';
// @proc/telemetry-resource
export {
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  ATTR_PROCESSOR_PIPELINE_STAGE,
  ATTR_PROCESSOR_WORKER_ID,
} from '@proc/telemetry-resource';
// @proc/telemetry-semconv
export {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_AGGREGATION_TYPE,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_STATE_BACKEND,
  ATTR_PROCESSOR_STATE_OPERATION_TYPE,
  ATTR_PROCESSOR_WINDOW_END,
  ATTR_PROCESSOR_WINDOW_ID,
  ATTR_PROCESSOR_WINDOW_START,
  ATTR_PROCESSOR_WINDOW_TYPE,
  MESSAGING_OPERATION_TYPE_VALUE_CREATE,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_OPERATION_TYPE_VALUE_RECEIVE,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
  MESSAGING_OPERATION_TYPE_VALUE_SETTLE,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  METRIC_MESSAGING_CLIENT_CONSUMED_MESSAGES,
  METRIC_MESSAGING_PROCESS_DURATION,
} from '@proc/telemetry-semconv';
// @proc/telemetry-tracing
export {
  SPAN_CHECKPOINT,
  SPAN_PROCESS_BATCH,
  SPAN_PROCESS_EVENT,
  SPAN_PUBLISH_RESULT,
  SPAN_RECEIVE_BATCH,
  SPAN_WINDOW_AGGREGATE,
  SPAN_WINDOW_EMIT,
} from '@proc/telemetry-tracing';
