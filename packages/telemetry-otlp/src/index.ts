/**
 * OTLP transport for the @proc/telemetry packages: TLS files, gRPC credentials and metadata,
 * the OTLP sender, the bounded delivery queue and the batcher every signal exports through.
 * @packageDocumentation
 */
export { createOtlpSender } from './create-otlp-sender.js';
export { createDeliveryQueue } from './delivery-queue.js';
export { encodeBatch } from './encode-batch.js';
export { createExportBatcher } from './export-batcher.js';
export { grpcTransportOptions } from './grpc-transport-options.js';
export { httpTransportOptions } from './http-transport-options.js';
export { isRetryableGrpcError } from './is-retryable-grpc-error.js';
export { readTlsFiles } from './read-tls-files.js';
export type {
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
  GrpcTransportOptions,
  HttpTransportOptions,
  OtlpCompressionAlgorithm,
  OtlpEncoding,
  OtlpSender,
  OtlpSenderOptions,
  OtlpSignal,
  TlsMaterial,
  TransportOptions,
} from './types.js';
