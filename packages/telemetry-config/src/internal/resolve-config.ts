import { TelemetryConfigError } from '../telemetry-config-error.js';
import type { LoadConfigOptions, TelemetryConfigIssue } from '../types.js';
import { type ResolvedLayers, resolveLayers } from './build-config.js';
import { layerCrossFieldIssues } from './cross-field.js';
import type { Env } from './env-reader.js';
import type { Layer } from './merge-layers.js';
import { plainCopy } from './plain.js';
import { CONFIG_FILE_ENV, readConfigFile } from './read-config-file.js';
import { readEnv } from './read-env.js';
import { telemetryConfigOptionsSchema } from './schema.js';
import { schemaIssues } from './validate.js';
import { createReporter } from './warnings.js';

/** What `loadConfig()` resolved, with what `explainConfig()` needs to say where values came from. */
export interface ConfigResolution extends ResolvedLayers {
  /** The layers above the defaults, lowest precedence first. */
  layers: Layer[];
  /** The environment the `OTEL_*` variables were read from. */
  env: Env;
  /** The config file read, if any. */
  file?: string;
}

/** The body of `loadConfig()` (see there); throws `TelemetryConfigError`. */
export function resolveConfig(options: LoadConfigOptions): ConfigResolution {
  const env = options.env ?? process.env;
  const report = createReporter(options.onWarning);
  const issues: TelemetryConfigIssue[] = [];
  const layers: Layer[] = [];

  const file = options.file ?? env[CONFIG_FILE_ENV]?.trim();
  const hasFile = file !== undefined && file !== '';
  if (hasFile) {
    const parsed = readConfigFile(file, env);
    issues.push(...parsed.issues);
    layers.push({ source: 'file', options: parsed.options, substituted: parsed.substituted });
  }

  layers.push({ source: 'env', options: readEnv(env, report) });

  if (options.config !== undefined) {
    // `undefined` anywhere means "not set here", even as a header value.
    const config = plainCopy(options.config);
    const codeIssues = schemaIssues(telemetryConfigOptionsSchema(), config, 'code');
    if (codeIssues.length === 0) codeIssues.push(...layerCrossFieldIssues(config, 'code'));
    issues.push(...codeIssues);
    layers.push({ source: 'code', options: config });
  }

  if (issues.length > 0) throw new TelemetryConfigError(issues);
  const resolved = resolveLayers(layers, report);
  return hasFile ? { ...resolved, layers, env, file } : { ...resolved, layers, env };
}
