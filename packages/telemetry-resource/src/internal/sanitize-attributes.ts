import type { AttributeValue } from '../types.js';
import { logger } from './diag.js';

/** Longest accepted attribute key, in characters (the limit the spec sets for env resource keys). */
export const MAX_ATTRIBUTE_KEY_LENGTH = 255;
/** Longest accepted string value, and string array element, in characters. */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 4096;
/** Most elements accepted in an array value. */
export const MAX_ATTRIBUTE_ARRAY_LENGTH = 128;

type Primitive = 'string' | 'number' | 'boolean';

/** Where an attribute came from, named in the warning. */
export type AttributeSource = 'code' | 'config' | 'processor options';

/**
 * Returns the value if it is a valid resource attribute value, or undefined after a `diag.warn`
 * naming the key and the reason. Never throws.
 */
export function sanitizeAttribute(
  key: unknown,
  value: unknown,
  source: AttributeSource,
): AttributeValue | undefined {
  const keyProblem = checkKey(key);
  if (keyProblem) {
    logger.warn(`dropped resource attribute ${describeKey(key)} (from ${source}): ${keyProblem}`);
    return undefined;
  }
  const valueProblem = checkValue(value);
  if (valueProblem) {
    logger.warn(`dropped resource attribute ${describeKey(key)} (from ${source}): ${valueProblem}`);
    return undefined;
  }
  return value as AttributeValue;
}

/**
 * Copies the valid attributes of a record, dropping each invalid one with a warning. Symbol
 * keys count as invalid keys. A non-object input yields `{}` and one warning.
 */
export function sanitizeAttributes(
  attributes: unknown,
  source: AttributeSource,
): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    logger.warn(
      `ignored resource attributes (from ${source}): expected an object, got ${kind(attributes)}`,
    );
    return result;
  }
  for (const key of Reflect.ownKeys(attributes)) {
    // Only enumerable keys are data: the config package hangs non-enumerable redacting printers
    // (toJSON, util.inspect.custom) on its objects. Symbol keys are kept here to be reported.
    if (!Object.prototype.propertyIsEnumerable.call(attributes, key)) continue;
    const value = (attributes as Record<string | symbol, unknown>)[key];
    const sanitized = sanitizeAttribute(key, value, source);
    if (sanitized !== undefined) result[key as string] = sanitized;
  }
  return result;
}

function checkKey(key: unknown): string | undefined {
  if (typeof key !== 'string') return `keys must be strings, got ${kind(key)}`;
  if (key.length === 0) return 'keys must not be empty';
  if (key.length > MAX_ATTRIBUTE_KEY_LENGTH) {
    return `key is ${key.length} characters, over the limit of ${MAX_ATTRIBUTE_KEY_LENGTH}`;
  }
  return undefined;
}

function checkValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return checkArray(value);
  return checkPrimitive(value, 'value');
}

function checkPrimitive(value: unknown, what: string): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_ATTRIBUTE_VALUE_LENGTH
        ? `${what} is ${value.length} characters, over the limit of ${MAX_ATTRIBUTE_VALUE_LENGTH}`
        : undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${what} is ${value}, not a finite number`;
    case 'boolean':
      return undefined;
    default:
      return `${what} is ${kind(value)}; allowed: string, number, boolean or an array of one of them`;
  }
}

function checkArray(values: unknown[]): string | undefined {
  if (values.length > MAX_ATTRIBUTE_ARRAY_LENGTH) {
    return `array has ${values.length} elements, over the limit of ${MAX_ATTRIBUTE_ARRAY_LENGTH}`;
  }
  let first: Primitive | undefined;
  for (let i = 0; i < values.length; i++) {
    const element = values[i];
    const problem = checkPrimitive(element, `array element ${i}`);
    if (problem) return problem;
    const type = typeof element as Primitive;
    first ??= type;
    if (type !== first) return `array mixes ${first} and ${type} elements`;
  }
  return undefined;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

function describeKey(key: unknown): string {
  if (typeof key === 'string') {
    return JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);
  }
  return String(key);
}
