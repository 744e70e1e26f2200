import { TimeoutError } from '@opentelemetry/sdk-metrics';
import { settleWithin } from '@proc/telemetry-otlp';
import { logger } from './diag.js';

/**
 * Waits for `operation` at most `timeoutMillis`. Never rejects: a failure is reported through
 * diag, and a missed deadline is reported and abandoned (the operation keeps running in the
 * background, e.g. against a collector that never answers).
 * @returns whether `operation` finished without error.
 */
export async function withDeadline(
  operation: Promise<unknown>,
  timeoutMillis: number,
  what: string,
): Promise<boolean> {
  const outcome = await settleWithin(operation, timeoutMillis);
  if (
    outcome.status === 'timeout' ||
    // The SDK enforces the same deadline on its readers and rejects when it passes.
    (outcome.status === 'failed' && outcome.error instanceof TimeoutError)
  ) {
    logger.warn(`${what} did not finish within ${timeoutMillis} ms; giving up on it`);
  } else if (outcome.status === 'failed') {
    logger.error(`${what} failed`, outcome.error);
  }
  return outcome.status === 'done';
}
