/**
 * A real OTLP receiver (OTLP/HTTP with protobuf and JSON, OTLP/gRPC) for asserting telemetry end
 * to end in tests, benchmarks and demos, and the test helpers the packages share.
 * @packageDocumentation
 */
export type { BlackHole } from './black-hole.js';
export { startBlackHole } from './black-hole.js';
export type { ConsoleDirCapture } from './capture-console-dir.js';
export { captureConsoleDir } from './capture-console-dir.js';
export { decodeOtlpProtobuf } from './decode-otlp-protobuf.js';
export type { BurstPipeline, ExportBurstOptions, ExportBurstOutcome } from './export-burst.js';
export { runExportBurst } from './export-burst.js';
export { freePort } from './free-port.js';
export type { InstalledApp, InstallPackedOptions } from './install-packed.js';
export { installPacked } from './install-packed.js';
export { DEFAULT_MAX_BODY_BYTES, startOtlpReceiver } from './receiver.js';
export { formatDuration } from './render/format-duration.js';
export { renderLogTail } from './render/log-tail.js';
export { renderMetricTable } from './render/metric-table.js';
export { redrawInPlace } from './render/redraw-in-place.js';
export { renderTraceWaterfall } from './render/trace-waterfall.js';
export type {
  TestDiagLevel,
  TestDiagLogger,
  TestDiagLoggerOptions,
  TestDiagMessage,
} from './test-diag-logger.js';
export { createTestDiagLogger, installTestDiagLogger } from './test-diag-logger.js';
export type {
  FailureOptions,
  LogFilter,
  LogTailOptions,
  MetricTableOptions,
  MetricType,
  NumberValueType,
  OtlpReceiver,
  OtlpReceiverOptions,
  ProtocolStats,
  ReceivedAttributes,
  ReceivedExemplar,
  ReceivedHistogram,
  ReceivedLogRecord,
  ReceivedMetricPoint,
  ReceivedScope,
  ReceivedSpan,
  ReceivedSpanEvent,
  ReceivedSpanLink,
  ReceiverProtocol,
  ReceiverStats,
  ReceiverUi,
  ReceiverUiOptions,
  ReceiverUiSource,
  SpanFilter,
  SpanTreeNode,
  TraceWaterfallOptions,
  WaitForLogsOptions,
  WaitForMetricOptions,
  WaitForSpansOptions,
} from './types.js';
export { DEFAULT_UI_PORT, startReceiverUi } from './ui/receiver-ui.js';
export type { WaitForOptions } from './wait-for.js';
export { waitFor } from './wait-for.js';
export type { ConsoleAndReceiver } from './with-console-and-receiver.js';
export { withConsoleAndReceiver } from './with-console-and-receiver.js';
