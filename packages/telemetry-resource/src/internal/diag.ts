import { diag } from '@opentelemetry/api';

const PREFIX = '@proc/telemetry-resource:';

/** Warns through the global OpenTelemetry diag logger, prefixed with the package name. */
export function warn(message: string): void {
  diag.warn(`${PREFIX} ${message}`);
}

/** Debug message through the global diag logger, prefixed with the package name. */
export function debug(message: string): void {
  diag.debug(`${PREFIX} ${message}`);
}
