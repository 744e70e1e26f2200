import { diag } from '@opentelemetry/api';
import { resolveTimeout } from '@proc/telemetry-lifecycle';

/** Default bound on waiting for asynchronous detected attributes. */
export const DEFAULT_DETECTION_TIMEOUT_MILLIS = 1000;

const logger = diag.createComponentLogger({ namespace: '@proc/telemetry-resource' });

/**
 * The detection deadline, by the rule every package follows (`resolveTimeout()`): a value that
 * is not a finite number > 0 warns, naming the option, and the default is used.
 */
export function checkTimeout(name: string, value: number | undefined): number {
  return resolveTimeout(value, DEFAULT_DETECTION_TIMEOUT_MILLIS, name, logger);
}
