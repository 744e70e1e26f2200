/** Options of `waitFor()`. */
export interface WaitForOptions {
  /** How long to keep polling before rejecting. The default value is 5000 ms. */
  timeoutMs?: number;
  /** Pause between two checks (after an async check settles). The default value is 10 ms. */
  intervalMs?: number;
}

/**
 * Polls `check` until it returns (or resolves to) a value other than `undefined` or `false`, and
 * resolves with that value. A check that throws counts as not ready yet. After `timeoutMs` it
 * rejects with `timed out after <timeoutMs> ms waiting for <what>`, followed by the message of
 * the last error the check threw, if it ever threw.
 *
 * @param what - what is awaited, for the timeout message (`'the export request'`).
 * @param check - returns the awaited value, or `undefined`/`false` while it is not there.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitForOptions = {},
): Promise<Exclude<T, undefined | false>> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result as Exclude<T, undefined | false>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail =
        lastError === undefined
          ? ''
          : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(
        `@proc/telemetry-testing: timed out after ${timeoutMs} ms waiting for ${what}${detail}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
