import { isPlainObject, type PlainObject, setOwn } from './plain.js';

/** What every secret is printed as. */
export const REDACTED = '[REDACTED]';

/** Keys whose values are credentials wherever they appear. */
const CREDENTIAL_KEY =
  /auth|api[-_.]?key|token|passw|pwd|secret|cookie|credential|private[-_.]?key|session|signature/i;

const URL_USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;
const URL_QUERY_PARAM = /([?&;])([^=&#;]*)=([^&#;]*)/g;

/** Whether the value at `key` may hold a credential. */
export function isCredentialKey(key: string): boolean {
  return CREDENTIAL_KEY.test(key);
}

/** Removes `user:password@` and credential-looking query parameters from a URL-like string. */
export function redactUrl(text: string): string {
  if (!URL_USERINFO.test(text) && !/^[a-z][a-z0-9+.-]*:\/\/[^#]*[?;]/i.test(text)) return text;
  return text
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(URL_QUERY_PARAM, (match, sep: string, name: string) =>
      isCredentialKey(name) ? `${sep}${name}=${REDACTED}` : match,
    );
}

/**
 * A redacted plain copy of `value`, which sits at `path` in a config. Header values, values
 * under credential-looking keys and credentials inside URLs are replaced by `[REDACTED]`.
 */
export function redactValue(value: unknown, path: readonly string[] = []): unknown {
  const key = path[path.length - 1] ?? '';
  const parentKey = path[path.length - 2] ?? '';
  if (path.length > 0 && (parentKey === 'headers' || isCredentialKey(key))) {
    return REDACTED;
  }
  if (typeof value === 'string') return redactUrl(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, [...path, '[]']));
  if (isPlainObject(value)) {
    const out: PlainObject = {};
    for (const childKey of Object.keys(value)) {
      const child = value[childKey];
      if (child !== undefined) setOwn(out, childKey, redactValue(child, [...path, childKey]));
    }
    return out;
  }
  return value;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function hide(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

/**
 * Makes every printed form of `node` and of each object inside it redacted: `JSON.stringify`,
 * `String()` / template literals and `util.inspect` / `console.log`. The properties themselves
 * keep their raw values (spreading or reading them gives what exporters need). The helpers
 * are non-enumerable, so copies, equality checks and iteration do not see them.
 */
export function attachRedactedPrinters<T>(node: T, path: readonly string[] = []): T {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries())
      attachRedactedPrinters(item, [...path, String(index)]);
    return node;
  }
  if (!isPlainObject(node)) return node;
  const at = [...path];
  hide(node, 'toJSON', function redactedJson(this: unknown) {
    return redactValue(this, at);
  });
  hide(node, 'toString', function redactedString(this: unknown) {
    return JSON.stringify(redactValue(this, at));
  });
  hide(node, INSPECT, function redactedInspect(this: unknown) {
    return redactValue(this, at);
  });
  for (const key of Object.keys(node)) attachRedactedPrinters(node[key], [...path, key]);
  return node;
}
