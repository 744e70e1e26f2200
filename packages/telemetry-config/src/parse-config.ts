import { buildConfig } from './internal/build-config.js';
import { parseConfigText } from './internal/parse-config-text.js';
import { TelemetryConfigError } from './telemetry-config-error.js';
import type { ConfigFormat, ParseConfigOptions, TelemetryConfig } from './types.js';

/**
 * Reads config file text (as `serializeConfig` writes it) over the built-in defaults. Unlike
 * `loadConfig`, `OTEL_*` variables are not applied; the environment only serves `${NAME}`
 * references. Throws {@link TelemetryConfigError} listing every problem.
 */
export function parseConfig(
  text: string,
  format: ConfigFormat,
  options: ParseConfigOptions = {},
): TelemetryConfig {
  const parsed = parseConfigText(
    text,
    format,
    options.origin ?? '(text)',
    options.env ?? process.env,
  );
  if (parsed.issues.length > 0) throw new TelemetryConfigError(parsed.issues);
  return buildConfig(
    [{ source: 'file', options: parsed.options, substituted: parsed.substituted }],
    () => {},
  );
}
