import { TimeoutError } from '@opentelemetry/sdk-metrics';
import { logger } from './diag.js';

/**
 * Waits for `operation` at most `timeoutMillis`. Never rejects: a failure is reported through
 * diag, and a missed deadline is reported and abandoned (the operation keeps running in the
 * background, e.g. against a collector that never answers).
 */
export async function withDeadline(
  operation: Promise<unknown>,
  timeoutMillis: number,
  what: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMillis);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([operation.then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') {
      logger.warn(`${what} did not finish within ${timeoutMillis} ms; giving up on it`);
    }
  } catch (error) {
    if (error instanceof TimeoutError) {
      // The SDK enforces the same deadline on its readers and rejects when it passes.
      logger.warn(`${what} did not finish within ${timeoutMillis} ms; giving up on it`);
    } else {
      logger.error(`${what} failed`, error);
    }
  } finally {
    clearTimeout(timer);
  }
}
