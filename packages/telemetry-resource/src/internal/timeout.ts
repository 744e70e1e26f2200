/** Default bound on waiting for asynchronous detected attributes. */
export const DEFAULT_DETECTION_TIMEOUT_MILLIS = 1000;

/** Returns the timeout, or throws a RangeError naming the option when it is not usable. */
export function checkTimeout(name: string, value: number | undefined): number {
  const timeout = value ?? DEFAULT_DETECTION_TIMEOUT_MILLIS;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
    throw new RangeError(
      `@proc/telemetry-resource: ${name} must be a finite number of milliseconds >= 0, got ${String(timeout)}`,
    );
  }
  return timeout;
}
