/**
 * OTLP transport for the @proc/telemetry packages: TLS files, gRPC credentials and metadata,
 * HTTP agent options, retries of transient gRPC failures, deadlines.
 * @packageDocumentation
 */
export { createRetryingExporter } from './create-retrying-exporter.js';
export { grpcTransportOptions } from './grpc-transport-options.js';
export { httpTransportOptions } from './http-transport-options.js';
export { isRetryableGrpcError } from './is-retryable-grpc-error.js';
export { readTlsFiles } from './read-tls-files.js';
export { settleWithin } from './settle-within.js';
export type {
  GrpcTransportOptions,
  HttpTransportOptions,
  OtlpCompressionAlgorithm,
  OtlpExporter,
  RetryOptions,
  SettleOutcome,
  TlsMaterial,
  TransportOptions,
} from './types.js';
