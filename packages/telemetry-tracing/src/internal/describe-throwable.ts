/** What an `exception` event says about a thrown value. */
export interface ThrowableDescription {
  type: string;
  message: string;
  stacktrace?: string;
}

/** Reads a property, treating a throwing getter or proxy trap as absent. */
function safeGet(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `instanceof Error`, false when a proxy's getPrototypeOf trap throws. */
function isError(value: object): boolean {
  try {
    return value instanceof Error;
  } catch {
    return false;
  }
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function constructorName(value: object): string | undefined {
  const ctor = safeGet(value, 'constructor');
  return typeof ctor === 'function' ? nonEmptyString(safeGet(ctor, 'name')) : undefined;
}

/** Message of an object that is not Error-like: its own toString, else JSON, else a tag. */
function objectMessage(value: object, type: string): string {
  try {
    const customToString = safeGet(value, 'toString');
    if (typeof customToString === 'function' && customToString !== Object.prototype.toString) {
      const text = customToString.call(value);
      if (typeof text === 'string') return text;
    }
  } catch {
    // a throwing toString falls through to JSON
  }
  try {
    const json = JSON.stringify(value);
    if (typeof json === 'string') return json;
  } catch {
    // circular or throwing toJSON
  }
  return `[object ${type}]`;
}

/**
 * Describes any thrown value (Error, string, number, null, undefined, symbol, plain object,
 * proxy, object whose `toString` throws) without ever throwing.
 *
 * `exception.type` is the error's `name` unless that is the generic `Error`, then its
 * constructor name (so `class MyError extends Error` reads `MyError`); for primitives it is
 * `typeof` (`'null'` for null).
 */
export function describeThrowable(error: unknown): ThrowableDescription {
  if (error === null) return { type: 'null', message: 'null' };
  if (typeof error === 'symbol') return { type: 'symbol', message: error.toString() };
  if (typeof error === 'function') {
    return { type: 'function', message: nonEmptyString(safeGet(error, 'name')) ?? 'anonymous' };
  }
  if (typeof error !== 'object') return { type: typeof error, message: String(error) };

  const name = nonEmptyString(safeGet(error, 'name'));
  const ctor = constructorName(error);
  const message = safeGet(error, 'message');
  const stack = nonEmptyString(safeGet(error, 'stack'));
  const errorLike = isError(error) || (typeof message === 'string' && name !== undefined);
  if (errorLike) {
    const type = name !== undefined && name !== 'Error' ? name : (ctor ?? name ?? 'Error');
    return {
      type,
      message: typeof message === 'string' ? message : '',
      ...(stack !== undefined ? { stacktrace: stack } : {}),
    };
  }
  const type = ctor ?? 'Object';
  return {
    type,
    message: typeof message === 'string' ? message : objectMessage(error, type),
    ...(stack !== undefined ? { stacktrace: stack } : {}),
  };
}
