import { isPlainObject, type PlainObject, setOwn } from './internal/plain.js';
import { escapeText } from './internal/substitute-env.js';
import { yamlModule } from './internal/yaml-module.js';
import type { ConfigFormat, TelemetryConfig } from './types.js';

/** A plain copy with every string escaped for `${NAME}` substitution. */
function forFile(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return value.map(forFile);
  if (!isPlainObject(value)) return value;
  const out: PlainObject = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined) setOwn(out, key, forFile(value[key]));
  }
  return out;
}

/**
 * The full config, every value explicit and NOT redacted, as config file text: loading it back
 * (`loadConfig({ file })` or `parseConfig(text, format)`) gives a deep-equal config. Treat the
 * output as a secret; for logs, print the config itself or use `redactConfig`.
 * A `$` that would start a `${NAME}` reference is written `$$`.
 */
export function serializeConfig(config: TelemetryConfig, format: ConfigFormat): string {
  const plain = forFile(config);
  if (format === 'json') return `${JSON.stringify(plain, null, 2)}\n`;
  return yamlModule().stringify(plain, { lineWidth: 0 });
}
