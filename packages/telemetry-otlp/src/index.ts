/**
 * The OTLP transport every signal package of @proc/telemetry exports through: one signal's
 * sender (protocol, TLS files, gRPC credentials and headers from its `ExportConfig`, outcomes
 * classified as delivered, retryable or failed) and a bounded, retrying delivery queue in front
 * of it. Applications do not import it; `@proc/telemetry-tracing` and `@proc/telemetry-metrics`
 * do, and `@proc/telemetry-logs` do;
 * `createExportBatcher()` is the batch-encode-queue path they share.
 * @packageDocumentation
 */
export { createOtlpSender } from './create-otlp-sender.js';
export { createSignalExport } from './create-signal-export.js';
export { createSignalProcessors } from './create-signal-processors.js';
export { createDeliveryQueue } from './delivery-queue.js';
export { encodeBatch } from './encode-batch.js';
export { encodedQueueBound } from './encoded-queue-bound.js';
export { createExportBatcher } from './export-batcher.js';
export { createExportSelfMetrics } from './export-self-metrics.js';
export { isRetryableHttpStatus } from './is-retryable-http-status.js';
export { jsonSpanSerializer } from './json-span-serializer.js';
export { loadOtlpTransport } from './load-otlp-transport.js';
export { protobufSpanSerializer } from './protobuf-span-serializer.js';
export { signalExporters } from './signal-exporters.js';
export type {
  DeliveryFailure,
  DeliveryOutcome,
  DeliveryQueue,
  DeliveryQueueOptions,
  DeliveryRetryPolicy,
  DeliveryStats,
  EncodeBatchOptions,
  EncodedBatch,
  EncodedRequest,
  ExportBatcher,
  ExportBatcherOptions,
  ExportBatcherStats,
  ExportSelfMetrics,
  ExportSelfMetricsCounts,
  ExportSelfMetricsOptions,
  ItemExporter,
  OtlpEncoding,
  OtlpSender,
  OtlpSenderOptions,
  OtlpSignal,
  SignalBatchingProcessor,
  SignalExport,
  SignalExporterChoice,
  SignalExportOptions,
  SignalExportSection,
  SignalProcessorsOptions,
} from './types.js';
