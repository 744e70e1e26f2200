import type { Attributes } from '@opentelemetry/api';
import { logger } from './diag.js';

// https://opentelemetry.io/docs/specs/otel/common/#attribute: a value is a string, a boolean, a
// number, or an array of one of these types; null entries of an array are kept as they are.
const ACCEPTED =
  'accepted: a string, a number, a boolean, or an array of one of these types (null and undefined entries allowed)';

/** Distinct keys warned about per recorder: a key built from data must not grow memory. */
export const MAX_WARNED_KEYS = 100;

/** Drops invalid attributes, warning once per key; see {@link createAttributeSanitizer}. */
export type AttributeSanitizer = (attributes: Attributes | undefined) => Attributes | undefined;

const isPrimitiveType = (type: string) =>
  type === 'string' || type === 'number' || type === 'boolean';

/** `a string`, `an array`, `null`: what a warning says was received, never the value. */
function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const type = Array.isArray(value) ? 'array' : typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Why `value` is not an attribute value, or `undefined` when it is one. */
function problemOf(value: unknown): string | undefined {
  if (isPrimitiveType(typeof value)) return undefined;
  if (!Array.isArray(value)) return `received ${describeType(value)}`;
  let type: string | undefined;
  // An index loop: a sparse array's holes read as undefined entries, which are allowed.
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item === null || item === undefined) continue;
    const itemType = typeof item;
    if (!isPrimitiveType(itemType)) {
      return `received an array with ${describeType(item)} entry`;
    }
    if (type === undefined) type = itemType;
    else if (itemType !== type) return `received an array mixing ${type} and ${itemType}`;
  }
  return undefined;
}

/** Whether `key` of `attributes` passes on as it is (nothing to drop, nothing to warn about). */
function isKept(attributes: Attributes, key: string): boolean {
  const value: unknown = attributes[key];
  return key !== '' && (isPrimitiveType(typeof value) || problemOf(value) === undefined);
}

/**
 * Creates the attribute check of one recorder. The SDK throws `TypeError` from its attribute
 * hashing (JSON) for a BigInt or circular value and for `null` attributes, and exports other
 * invalid values as they are; telemetry must not throw into the application, so an invalid
 * attribute is dropped and the measurement recorded with the rest.
 *
 * - valid attributes (the common case) come back as the same object: nothing is allocated;
 * - otherwise a copy without the invalid entries: a key that is not a non-empty string or a value
 *   that is not an attribute value is dropped with one diag warning per key (the first
 *   {@link MAX_WARNED_KEYS} keys), naming the key and the accepted values, never the value;
 * - a `null` or `undefined` value is dropped without a warning, as `Span.setAttribute` ignores it;
 * - attributes that are not an object (`null`, a string, an array) are dropped whole, with one
 *   warning: the measurement gets only the common attributes.
 */
export function createAttributeSanitizer(): AttributeSanitizer {
  const warned = new Set<string>();
  let warnedArgument = false;

  const warnKey = (key: string, problem: string) => {
    if (warned.has(key) || warned.size >= MAX_WARNED_KEYS) return;
    warned.add(key);
    logger.warn(`attribute ${JSON.stringify(key)} dropped: ${problem}; ${ACCEPTED}`);
  };

  const copyValid = (attributes: Attributes): Attributes => {
    const valid: Attributes = {};
    for (const key in attributes) {
      if (!Object.hasOwn(attributes, key)) continue;
      const value: unknown = attributes[key];
      if (value === null || value === undefined) continue;
      const problem = key === '' ? 'an attribute key is a non-empty string' : problemOf(value);
      if (problem !== undefined) {
        warnKey(key, problem);
        continue;
      }
      // defineProperty, not assignment: an own "__proto__" key stays a key.
      Object.defineProperty(valid, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return valid;
  };

  return (attributes) => {
    if (attributes === undefined) return undefined;
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      if (!warnedArgument) {
        warnedArgument = true;
        logger.warn(
          `attributes dropped: received ${describeType(attributes)}; accepted: an object of attributes (${ACCEPTED})`,
        );
      }
      return undefined;
    }
    for (const key in attributes) {
      if (Object.hasOwn(attributes, key) && !isKept(attributes, key)) return copyValid(attributes);
    }
    return attributes;
  };
}
