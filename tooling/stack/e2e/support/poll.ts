import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `read` until `done(value)` holds or `timeoutMillis` has passed, and returns the last
 * value either way: the test then asserts on it, so a timeout fails with what was seen.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMillis?: number; intervalMillis?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMillis ?? 30_000);
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(options.intervalMillis ?? 500);
    value = await read();
  }
  return value;
}
