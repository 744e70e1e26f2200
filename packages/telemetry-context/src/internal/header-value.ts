import type { HeaderValue } from '../types.js';

/** One header value as the TextMapGetter contract wants it: a string, several, or nothing. */
export function normalizeHeaderValue(value: HeaderValue | unknown): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // toString() without arguments is UTF-8 and skips Buffer's look-up of the encoding by name.
  if (Buffer.isBuffer(value)) return value.toString();
  if (Array.isArray(value)) {
    const values: string[] = [];
    for (const item of value) {
      const one = normalizeHeaderValue(item);
      if (typeof one === 'string') values.push(one);
    }
    if (values.length === 0) return undefined;
    return values.length === 1 ? values[0] : values;
  }
  return undefined;
}
