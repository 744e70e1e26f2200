import type { ConformanceServerOptions } from './conformance-server.js';

/** Default of {@link ConformanceServerOptions.maxBodyBytes}: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/**
 * Default of {@link ConformanceServerOptions.callTimeoutMillis}: 3 s, under the 5 s the W3C
 * harness waits for `/test`, so a hanging callback still gets the harness an answer.
 */
export const DEFAULT_CALL_TIMEOUT_MILLIS = 3000;

const MAX_TIMER_MILLIS = 2 ** 31 - 1;

/** The bounds a running service applies. */
export interface Limits {
  maxBodyBytes: number;
  callTimeoutMillis: number;
}

/** Applies the defaults; throws a RangeError naming an option that is not usable. */
export function resolveLimits(options: ConformanceServerOptions): Limits {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new RangeError(
      `trace-context-conformance: maxBodyBytes must be an integer number of bytes >= 1, got ${String(maxBodyBytes)}`,
    );
  }
  const callTimeoutMillis = options.callTimeoutMillis ?? DEFAULT_CALL_TIMEOUT_MILLIS;
  // Node's timers take at most 2^31 - 1 ms; past that setTimeout fires after 1 ms instead.
  if (
    typeof callTimeoutMillis !== 'number' ||
    !(callTimeoutMillis > 0 && callTimeoutMillis <= MAX_TIMER_MILLIS)
  ) {
    throw new RangeError(
      `trace-context-conformance: callTimeoutMillis must be a number of milliseconds > 0 and <= ${MAX_TIMER_MILLIS}, got ${String(callTimeoutMillis)}`,
    );
  }
  return { maxBodyBytes, callTimeoutMillis };
}
