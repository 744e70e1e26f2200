/** How an operation bounded by {@link settleWithin} ended. */
export type Settled =
  | { status: 'done' }
  | { status: 'failed'; error: unknown }
  | { status: 'timeout' };

/**
 * Waits for `work()` at most `timeoutMillis`. Never rejects, also when `work` throws
 * synchronously. The timer does not keep the process alive on its own.
 */
export function settleWithin(
  work: () => Promise<unknown>,
  timeoutMillis: number,
): Promise<Settled> {
  return new Promise<Settled>((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'timeout' }), timeoutMillis);
    timer.unref();
    Promise.resolve()
      .then(work)
      .then(
        () => resolve({ status: 'done' }),
        (error: unknown) => resolve({ status: 'failed', error }),
      )
      .finally(() => clearTimeout(timer));
  });
}
