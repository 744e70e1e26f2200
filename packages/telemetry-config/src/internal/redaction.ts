import { redactUrl } from '../redact-url.js';
import { isCredentialKey, REDACTED } from './credentials.js';
import { isPlainObject, type PlainObject, setOwn } from './plain.js';

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
  // Headers that are not an object (`'authorization=Bearer …'`, a list) are credentials all the same.
  if (key === 'headers' && !isPlainObject(value)) return REDACTED;
  if (typeof value === 'string') return redactUrl(value);
  if (Array.isArray(value)) {
    return value.map((item, index) => redactValue(item, [...path, String(index)]));
  }
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
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (isSecretLeaf(child, [...at, key])) hideBehindAccessor(node, key, child);
    else attachRedactedPrinters(child, [...path, key]);
  }
  return node;
}

/** A value that is not an object and that redaction would change: a secret to print as is. */
function isSecretLeaf(value: unknown, path: readonly string[]): boolean {
  return (value === null || typeof value !== 'object') && redactValue(value, path) !== value;
}

/**
 * Keeps a secret as an enumerable accessor: reading, spreading, `Object.entries()` and
 * `JSON.stringify` (through the redacted `toJSON`) behave as for a data property, while printers
 * that skip the custom inspect hook (`console.dir()`, `util.inspect(…, { customInspect: false })`)
 * show `[Getter/Setter]` instead of the value.
 */
function hideBehindAccessor(target: PlainObject, key: string, initial: unknown): void {
  let value = initial;
  Object.defineProperty(target, key, {
    get: () => value,
    set: (next: unknown) => {
      value = next;
    },
    enumerable: true,
    configurable: true,
  });
}
