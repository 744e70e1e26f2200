import { diag } from '@opentelemetry/api';

/** Package-prefixed diag logger; resolves the global logger on every call. */
export const logger = diag.createComponentLogger({ namespace: '@proc/telemetry-resource' });
