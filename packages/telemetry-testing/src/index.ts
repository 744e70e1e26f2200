/**
 * A real OTLP receiver (OTLP/HTTP with protobuf and JSON, OTLP/gRPC) for asserting telemetry end
 * to end in tests, benchmarks and demos.
 * @packageDocumentation
 */
export { DEFAULT_MAX_BODY_BYTES, startOtlpReceiver } from './receiver.js';
export { formatDuration } from './render/format-duration.js';
export { renderMetricTable } from './render/metric-table.js';
export { renderTraceWaterfall } from './render/trace-waterfall.js';
export type {
  Attributes,
  FailureOptions,
  MetricTableOptions,
  MetricType,
  OtlpProtocol,
  OtlpReceiver,
  OtlpReceiverOptions,
  ProtocolStats,
  ReceivedExemplar,
  ReceivedHistogram,
  ReceivedLogRecord,
  ReceivedMetricPoint,
  ReceivedScope,
  ReceivedSpan,
  ReceivedSpanEvent,
  ReceivedSpanLink,
  ReceiverStats,
  SpanFilter,
  SpanTreeNode,
  TraceWaterfallOptions,
  WaitForMetricOptions,
  WaitForSpansOptions,
} from './types.js';
