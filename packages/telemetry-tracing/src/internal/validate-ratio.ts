import { isSamplingRatio } from '@proc/telemetry-config';

/**
 * Throws a RangeError naming `option` and the accepted range unless `value` is a ratio, by the
 * config package's one rule (`isSamplingRatio()`): for a ratio set at run time, since the one in
 * a section was checked with the section.
 */
export function assertRatio(value: unknown, option: string): asserts value is number {
  if (!isSamplingRatio(value)) {
    throw new RangeError(
      `@proc/telemetry-tracing: ${option} must be a number from 0 to 1 inclusive, got ${String(value)}`,
    );
  }
}
