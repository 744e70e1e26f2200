import { describeWarning, logConfigWarning } from '../log-config-warning.js';
import type { ConfigWarning } from '../types.js';

/** A warning about an ignored environment variable; `value` must already be redacted. */
export function makeWarning(variable: string, value: string, expected: string): ConfigWarning {
  const warning = { variable, value, expected };
  return { ...warning, message: `@proc/telemetry-config: ${describeWarning(warning)}` };
}

/**
 * A warning about a variable that is not read at all (`expected` says why); `value` must
 * already be redacted.
 */
export function notRead(variable: string, value: string, expected: string): ConfigWarning {
  return {
    variable,
    value,
    expected,
    message: `@proc/telemetry-config: ignoring ${variable}=${JSON.stringify(value)}: ${expected}`,
  };
}

/** Sends each warning to `diag.warn` and to the caller's `onWarning`, if any. */
export function createReporter(
  onWarning: ((warning: ConfigWarning) => void) | undefined,
): (warning: ConfigWarning) => void {
  return (warning) => {
    logConfigWarning(warning);
    onWarning?.(warning);
  };
}
