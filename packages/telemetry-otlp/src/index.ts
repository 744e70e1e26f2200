/**
 * OTLP transport for the @proc/telemetry packages: TLS files, gRPC credentials and metadata,
 * HTTP agent options, retries of transient gRPC failures, deadlines.
 * @packageDocumentation
 */
export { createOtlpSender } from './create-otlp-sender.js';
export { createDeliveryQueue } from './delivery-queue.js';
export { grpcTransportOptions } from './grpc-transport-options.js';
export { httpTransportOptions } from './http-transport-options.js';
export { isRetryableGrpcError } from './is-retryable-grpc-error.js';
export { readTlsFiles } from './read-tls-files.js';
export { settleWithin } from './settle-within.js';
export type {
  DeliveryOutcome,
  DeliveryQueue,
  DeliveryQueueOptions,
  DeliveryRetryPolicy,
  DeliveryStats,
  EncodedRequest,
  GrpcTransportOptions,
  HttpTransportOptions,
  OtlpCompressionAlgorithm,
  OtlpEncoding,
  OtlpSender,
  OtlpSenderOptions,
  OtlpSignal,
  SettleOutcome,
  TlsMaterial,
  TransportOptions,
} from './types.js';
