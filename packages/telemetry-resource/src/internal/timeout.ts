import { resolveTimeout } from '@proc/telemetry-lifecycle';
import { logger } from './diag.js';

/** Default bound on waiting for asynchronous detected attributes. */
export const DEFAULT_DETECTION_TIMEOUT_MILLIS = 1000;

/**
 * The detection deadline, by the rule every package follows (`resolveTimeout()`): a value that
 * is not a finite number > 0 warns, naming the option, and the default is used.
 */
export function checkTimeout(name: string, value: number | undefined): number {
  return resolveTimeout(value, DEFAULT_DETECTION_TIMEOUT_MILLIS, name, logger);
}
