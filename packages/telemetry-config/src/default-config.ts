import { buildConfig } from './internal/build-config.js';
import type { TelemetryConfig } from './types.js';

/**
 * A fresh copy of the built-in defaults, resolved as `loadConfig` would with no file, no
 * `OTEL_*` variables and no options. Safe to mutate (handy for tests).
 */
export function defaultTelemetryConfig(): TelemetryConfig {
  return buildConfig([], () => {});
}
