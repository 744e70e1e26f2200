import { logger } from './internal/diag.js';
import type { ConfigWarning } from './types.js';

/** The warning without the package name, which the diag logger's namespace adds. */
export function describeWarning(warning: Omit<ConfigWarning, 'message'>): string {
  return `ignoring ${warning.variable}=${JSON.stringify(warning.value)}: expected ${warning.expected}`;
}

/**
 * Sends `warning` to the diag logger, as `loadConfig()` does with each (`@proc/telemetry-config
 * ignoring OTEL_BSP_MAX_QUEUE_SIZE="x": expected an integer >= 1`): for a caller that could only
 * register its diag logger after loading the config.
 */
export function logConfigWarning(warning: ConfigWarning): void {
  logger.warn(describeWarning(warning));
}
