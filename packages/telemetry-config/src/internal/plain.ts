/** Plain-object helpers that never touch prototypes (keys such as `__proto__` stay own keys). */

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Assigns an own enumerable property, even for keys like `__proto__`. */
export function setOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Deep copy of the enumerable data: plain objects and arrays are copied, the rest kept. */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => plainCopy(item)) as T;
  if (isPlainObject(value)) {
    const out: PlainObject = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item !== undefined) setOwn(out, key, plainCopy(item));
    }
    return out as T;
  }
  // -0 does not survive JSON; normalise it so configs round-trip.
  if (typeof value === 'number' && Object.is(value, -0)) return 0 as T;
  return value;
}

/** The value at a dotted path segment list, or `undefined`. */
export function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** `traces.export.headers` from `['traces', 'export', 'headers']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
