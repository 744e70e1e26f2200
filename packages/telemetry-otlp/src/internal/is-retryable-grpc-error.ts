/**
 * gRPC status codes the OTLP specification calls transient (RESOURCE_EXHAUSTED is retryable
 * only with RetryInfo, which the JS gRPC transport does not surface, so it is not retried).
 * https://opentelemetry.io/docs/specs/otlp/#failures
 */
const RETRYABLE_GRPC_CODES = new Set([
  1, // CANCELLED
  4, // DEADLINE_EXCEEDED
  10, // ABORTED
  11, // OUT_OF_RANGE
  14, // UNAVAILABLE
  15, // DATA_LOSS
]);

/**
 * Whether a failed OTLP/gRPC export may succeed if sent again: the error carries a gRPC status
 * `code` the OTLP specification calls transient (CANCELLED, DEADLINE_EXCEEDED, ABORTED,
 * OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS).
 */
export function isRetryableGrpcError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code);
}
