/**
 * HTTP statuses the OTLP specification calls retryable: 429 Too Many Requests, 502 Bad Gateway,
 * 503 Service Unavailable, 504 Gateway Timeout. Every other status is final.
 * https://opentelemetry.io/docs/specs/otlp/#retryable-response-codes
 */
const RETRYABLE_HTTP_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Whether an OTLP/HTTP export answered with `status` may succeed if sent again (429, 502, 503,
 * 504, as the OTLP specification says). The HTTP transport of `createOtlpSender()` retries
 * exactly these; `@proc/telemetry-doctor` reports them as a collector asking to retry later.
 *
 * @param status The HTTP status code of the response.
 */
export function isRetryableHttpStatus(status: number): boolean {
  return RETRYABLE_HTTP_STATUSES.has(status);
}
