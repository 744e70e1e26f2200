import { diag } from '@opentelemetry/api';

/** The diag logger of this package: every message is prefixed with the package name. */
export const logger = diag.createComponentLogger({ namespace: '@proc/telemetry-metrics' });
