import { resolveConfig } from './internal/resolve-config.js';
import type { LoadConfigOptions, TelemetryConfig } from './types.js';

/**
 * Builds the validated {@link TelemetryConfig}, merging field by field, lowest to highest
 * precedence: built-in defaults < config file (`options.file`, or the file named by
 * `PROC_TELEMETRY_CONFIG_FILE`) < `OTEL_*` environment variables < `options.config`.
 *
 * An invalid value in code or in the file throws one {@link TelemetryConfigError} listing every
 * problem. An invalid environment variable never throws: it is reported (`onWarning` and
 * `diag.warn`) and ignored in favour of the next source. That includes values the exporters
 * could not use (a TLS file that cannot be read, a client key without its certificate, a header
 * gRPC cannot send, a `host:port` endpoint over HTTP), so that building the tracer and meter
 * providers from the result does not throw either. A file larger than 1 MiB or nested more than
 * 32 levels deep is rejected before parsing.
 *
 * Printing the result (or any section of it) redacts secrets; the values themselves are raw.
 * `explainConfig()` resolves the same way and also says where each value came from.
 */
export function loadConfig(options: LoadConfigOptions = {}): TelemetryConfig {
  return resolveConfig(options).config;
}
