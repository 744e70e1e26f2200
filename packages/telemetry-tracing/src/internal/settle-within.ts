/** How a bounded wait ended. */
export type SettleOutcome =
  | { status: 'done' }
  | { status: 'failed'; error: unknown }
  | { status: 'timeout' };

/**
 * Waits for `promise` at most `timeoutMillis`; never rejects. The timer is unref'd so a pending
 * deadline alone does not keep the process alive.
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
