import { diag } from '@opentelemetry/api';

const PREFIX = '@proc/telemetry-metrics:';

/**
 * The diag logger of this package: every message is prefixed with the package name. The global
 * diag logger is looked up at each call, so a logger registered later is used.
 */
export const logger = {
  error: (message: string, ...args: unknown[]) => diag.error(`${PREFIX} ${message}`, ...args),
  warn: (message: string, ...args: unknown[]) => diag.warn(`${PREFIX} ${message}`, ...args),
};
