import type { SettleOutcome } from './types.js';

/**
 * Waits for `promise` at most `timeoutMillis`; never rejects. A promise still pending at the
 * deadline keeps running in the background (e.g. an export to a collector that never answers).
 * The timer is unref'd, so a pending deadline alone does not keep the process alive.
 * @returns `done`, `failed` with the rejection reason, or `timeout`.
 */
export function settleWithin(
  promise: Promise<unknown>,
  timeoutMillis: number,
): Promise<SettleOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'timeout' }), timeoutMillis);
    timer.unref();
    promise.then(
      () => {
        clearTimeout(timer);
        resolve({ status: 'done' });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'failed', error });
      },
    );
  });
}
