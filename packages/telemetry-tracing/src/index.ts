export type { TimeoutOptions } from '@proc/telemetry-lifecycle';
export { recordException } from './record-exception.js';
export { spanBuilder } from './span-builder.js';
export {
  SPAN_CHECKPOINT,
  SPAN_PROCESS_BATCH,
  SPAN_PROCESS_EVENT,
  SPAN_PUBLISH_RESULT,
  SPAN_RECEIVE_BATCH,
  SPAN_WINDOW_AGGREGATE,
  SPAN_WINDOW_EMIT,
} from './span-names.js';
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
