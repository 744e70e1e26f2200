export type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
export { recordException } from './record-exception.js';
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
  MESSAGING_OPERATION_TYPE_VALUE_CREATE,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_OPERATION_TYPE_VALUE_RECEIVE,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
  MESSAGING_OPERATION_TYPE_VALUE_SETTLE,
  MESSAGING_SYSTEM_VALUE_KAFKA,
} from './semconv.js';
export { spanBuilder } from './span-builder.js';
export {
  ATTR_AGGREGATION_TYPE,
  ATTR_BATCH_SIZE,
  ATTR_EVENT_ID,
  ATTR_EVENT_TYPE,
  ATTR_OFFSET,
  ATTR_PARTITION,
  ATTR_WINDOW_END,
  ATTR_WINDOW_ID,
  ATTR_WINDOW_START,
  ATTR_WINDOW_TYPE,
  SPAN_CHECKPOINT,
  SPAN_PROCESS_BATCH,
  SPAN_PROCESS_EVENT,
  SPAN_PUBLISH_RESULT,
  SPAN_RECEIVE_BATCH,
  SPAN_WINDOW_AGGREGATE,
  SPAN_WINDOW_EMIT,
} from './stream-conventions.js';
export { initTracerProvider, shutdownTracerProvider } from './tracer-provider.js';
export type {
  InitTracerProviderOptions,
  SpanBuilder,
  SpanBuilderOptions,
  SpanExportCounts,
  TracingHandle,
  WithSpanOptions,
} from './types.js';
export { traced, withSpan } from './with-span.js';
