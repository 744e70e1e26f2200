import { redactValue } from './internal/redaction.js';
import type { TelemetryConfig } from './types.js';

/**
 * A plain copy of `config` safe to print or ship: header values, values under
 * credential-looking keys (authorization, api-key, token, password, secret, cookie, ...) and
 * `user:password@` or credential query parameters in URLs become `[REDACTED]`.
 */
export function redactConfig(config: TelemetryConfig): TelemetryConfig {
  return redactValue(config) as TelemetryConfig;
}
