import { exportVariable } from './internal/env-names.js';
import { envVariableOf } from './internal/env-origins.js';
import type { Signal } from './internal/merge-layers.js';
import { isPlainObject } from './internal/plain.js';
import { redactValue } from './internal/redaction.js';
import { type ConfigResolution, resolveConfig } from './internal/resolve-config.js';
import type {
  ConfigExplanation,
  ConfigValueOrigin,
  ConfigWarning,
  LoadConfigOptions,
} from './types.js';

/** Keys whose object value is listed key by key (each header, each attribute, has its source). */
const KEYED_MAPS: ReadonlySet<string> = new Set(['headers', 'attributes']);

/** Every value of the resolved config, depth first in the config's own field order. */
function leaves(node: unknown, path: string[], out: Array<[string[], unknown]>): void {
  const last = path[path.length - 1] ?? '';
  const keyed = KEYED_MAPS.has(last);
  if (isPlainObject(node) && (!keyed || Object.keys(node).length > 0)) {
    for (const key of Object.keys(node)) leaves(node[key], [...path, key], out);
    return;
  }
  out.push([path, node]);
}

/** `file:<path>`, `env:<VARIABLE>`, `code` or `default`, for the value at `path`. */
function originOf(resolution: ConfigResolution, path: string, value: unknown): ConfigValueOrigin {
  const cause = resolution.causes.get(path);
  if (cause !== undefined) {
    const origin = originOf(resolution, cause, getPath(resolution, cause));
    return { ...origin, path, value };
  }
  const source = resolution.sources.get(path) ?? 'default';
  if (source === 'file') return { path, value, source, origin: `file:${resolution.file}` };
  if (source !== 'env') return { path, value, source, origin: source };
  const envOptions = resolution.layers.find((layer) => layer.source === 'env')?.options ?? {};
  const setting = resolution.endpoints.get(path);
  const variable =
    setting === undefined
      ? envVariableOf(path, value, envOptions, resolution.env)
      : exportVariable(
          'ENDPOINT',
          setting.signalSpecific ? (path.split('.')[0] as Signal) : undefined,
        );
  return { path, value, source, origin: variable === undefined ? 'env' : `env:${variable}` };
}

function getPath(resolution: ConfigResolution, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (isPlainObject(node) ? node[key] : undefined),
      resolution.config,
    );
}

/**
 * Resolves the configuration exactly as `loadConfig(options)` does (same sources, same
 * precedence, same warnings and errors) and says where each value came from: `default`, `code`,
 * `file:<path>` or `env:<VARIABLE>` (the variable that won, e.g. `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * over `OTEL_EXPORTER_OTLP_ENDPOINT`). A value derived from another (`traces.enabled` turned off
 * by `OTEL_TRACES_EXPORTER=none`) has that one's source. Values are redacted as every printed
 * form of the config is (header values, credentials, `user:password@` in URLs); `config` itself
 * holds the raw values.
 *
 * @throws TelemetryConfigError as `loadConfig()` does, for invalid values in code or the file.
 *
 * @example
 * const { values } = explainConfig({ env: process.env });
 * for (const { path, value, origin } of values) console.log(path, value, origin);
 * // traces.batch.maxQueueSize 4096 env:OTEL_BSP_MAX_QUEUE_SIZE
 */
export function explainConfig(options: LoadConfigOptions = {}): ConfigExplanation {
  const warnings: ConfigWarning[] = [];
  const resolution = resolveConfig({
    ...options,
    onWarning: (warning) => {
      warnings.push(warning);
      options.onWarning?.(warning);
    },
  });
  const found: Array<[string[], unknown]> = [];
  leaves(resolution.config, [], found);
  const values = found.map(([keys, value]) =>
    originOf(resolution, keys.join('.'), redactValue(value, keys)),
  );
  const explanation: ConfigExplanation = { config: resolution.config, values, warnings };
  if (resolution.file !== undefined) explanation.file = resolution.file;
  return explanation;
}
