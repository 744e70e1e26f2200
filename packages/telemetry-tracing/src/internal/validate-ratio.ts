/** Whether `value` is a sampling ratio: a finite number from 0 to 1 inclusive. */
function isValidRatio(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** Throws a RangeError naming `option` and the accepted range unless `value` is a ratio. */
export function assertRatio(value: unknown, option: string): asserts value is number {
  if (!isValidRatio(value)) {
    throw new RangeError(
      `@proc/telemetry-tracing: ${option} must be a number from 0 to 1 inclusive, got ${String(value)}`,
    );
  }
}
