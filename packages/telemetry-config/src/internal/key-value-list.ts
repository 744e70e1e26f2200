import { setOwn } from './plain.js';

export type KeyValueResult =
  | { ok: true; values: Record<string, string> }
  | { ok: false; reason: string };

/**
 * Parses a W3C-baggage-like `key1=value1,key2=value2` list (without metadata), percent-decoding
 * keys and values, as `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_EXPORTER_OTLP_HEADERS` are written.
 * Any malformed entry rejects the whole list: the specification asks to discard the variable.
 * https://opentelemetry.io/docs/specs/otel/resource/sdk/#specifying-resource-information-via-an-environment-variable
 */
export function parseKeyValueList(
  text: string,
  isValidKey: (key: string) => boolean = (key) => key !== '',
  isValidValue: (value: string) => boolean = () => true,
): KeyValueResult {
  const values: Record<string, string> = {};
  // Reasons never echo a value: for headers it may be a secret.
  for (const [index, entry] of text.split(',').entries()) {
    if (entry.trim() === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) return { ok: false, reason: `entry ${index + 1} has no "="` };
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(entry.slice(0, eq).trim());
      value = decodeURIComponent(entry.slice(eq + 1).trim());
    } catch {
      return { ok: false, reason: `entry ${index + 1} is not valid percent-encoding` };
    }
    if (!isValidKey(key)) return { ok: false, reason: `invalid key "${key}"` };
    if (!isValidValue(value)) return { ok: false, reason: `invalid value for key "${key}"` };
    setOwn(values, key, value);
  }
  return { ok: true, values };
}
