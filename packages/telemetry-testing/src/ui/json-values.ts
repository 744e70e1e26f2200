// Received values made JSON-safe for the web view: bigints (int64 beyond 2^53, nanosecond times)
// as decimal strings, bytes as hex, and JSON text that can never be read as HTML.

/** A received attribute value (see `ReceivedAttributes`) as a JSON value. */
export function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  }
  return value;
}

/** Attributes as `[key, value]` pairs in key order, values JSON-safe. */
export function jsonAttributes(attributes: Record<string, unknown>): [string, unknown][] {
  return Object.keys(attributes)
    .sort()
    .map((key) => [key, jsonValue(attributes[key])]);
}

/** Milliseconds since the epoch (with the sub-millisecond part) of a nanosecond time. */
export function nanosToMillis(nanos: bigint): number {
  return Number(nanos / 1000n) / 1000;
}

/**
 * `value` as JSON in which `<`, `>` and `&` are `\u` escapes: trace data is untrusted, and the
 * answer then holds no markup even if something reads it as HTML.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
