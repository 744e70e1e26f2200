/**
 * An OTLP export failure the specification calls transient (HTTP 429/502/503/504, a refused or
 * reset connection, a timeout), with the wait the server asked for (`Retry-After`). The HTTP
 * transport resolves with it instead of retrying itself, so every retry is the delivery
 * queue's and follows `export.retry`.
 */
export class RetryableExportError extends Error {
  /** What the server's `Retry-After` asked for, in milliseconds; absent when it said nothing. */
  readonly retryInMillis: number | undefined;

  constructor(message: string, options: { cause?: unknown; retryInMillis?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RetryableExportError';
    this.retryInMillis = options.retryInMillis;
  }
}

/**
 * `Retry-After` as milliseconds to wait: delay-seconds or an HTTP date (RFC 9110 §10.2.3);
 * `undefined` when absent or unreadable, so the queue's own backoff applies.
 */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP date forms open with the day's name ("Sun, 06 Nov 1994 08:49:37 GMT").
  const date = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
