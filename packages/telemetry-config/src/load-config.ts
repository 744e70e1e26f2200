import { buildConfig } from './internal/build-config.js';
import { layerCrossFieldIssues } from './internal/cross-field.js';
import type { Layer } from './internal/merge-layers.js';
import { plainCopy } from './internal/plain.js';
import { CONFIG_FILE_ENV, readConfigFile } from './internal/read-config-file.js';
import { readEnv } from './internal/read-env.js';
import { telemetryConfigOptionsSchema } from './internal/schema.js';
import { schemaIssues } from './internal/validate.js';
import { createReporter } from './internal/warnings.js';
import { TelemetryConfigError } from './telemetry-config-error.js';
import type { LoadConfigOptions, TelemetryConfig, TelemetryConfigIssue } from './types.js';

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
 */
export function loadConfig(options: LoadConfigOptions = {}): TelemetryConfig {
  const env = options.env ?? process.env;
  const report = createReporter(options.onWarning);
  const issues: TelemetryConfigIssue[] = [];
  const layers: Layer[] = [];

  const file = options.file ?? env[CONFIG_FILE_ENV]?.trim();
  if (file !== undefined && file !== '') {
    const parsed = readConfigFile(file, env);
    issues.push(...parsed.issues);
    layers.push({ source: 'file', options: parsed.options, substituted: parsed.substituted });
  }

  layers.push({ source: 'env', options: readEnv(env, report) });

  if (options.config !== undefined) {
    // `undefined` anywhere means "not set here", even as a header value.
    const config = plainCopy(options.config);
    const codeIssues = schemaIssues(telemetryConfigOptionsSchema, config, 'code');
    if (codeIssues.length === 0) codeIssues.push(...layerCrossFieldIssues(config, 'code'));
    issues.push(...codeIssues);
    layers.push({ source: 'code', options: config });
  }

  if (issues.length > 0) throw new TelemetryConfigError(issues);
  return buildConfig(layers, report);
}
