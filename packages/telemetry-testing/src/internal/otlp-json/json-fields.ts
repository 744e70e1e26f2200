// Reading the fields of a parsed OTLP/JSON request the way protobufjs' generated `fromObject`
// reads them, so the direct decoder accepts, converts and rejects exactly what the
// `fromObject`/`toObject` round trip did: `String()`, `Boolean()`, `Number()`, `>>> 0` and `| 0`
// on scalars, a `TypeError` naming the field for a non-array list or a non-object message (its
// text after the package name is protobufjs'), and protobufjs' depth limit on nested messages.
import protobuf from 'protobufjs/light.js';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON is untyped until each field is read
export type Json = Record<string, any>;

/** protobufjs' `util.isObject`: any non-null object, arrays included. */
export const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object';

/**
 * The nesting depth protobufjs allows (`util.recursionLimit`, protoc's default of 100); each
 * message's depth is its parent's plus one, the request's is 0.
 */
const RECURSION_LIMIT = protobuf.util.recursionLimit;

/** Throws protobufjs' error for a message nested deeper than it allows. */
export function checkDepth(depth: number): void {
  if (depth > RECURSION_LIMIT)
    throw new Error('@proc/telemetry-testing: maximum nesting depth exceeded');
}

/**
 * A repeated field: `undefined` when absent or falsy (protobufjs skips those), the array
 * otherwise; anything else throws `<field>: array expected`.
 */
export function listField(value: unknown, field: string): unknown[] | undefined {
  if (!value) return undefined;
  if (!Array.isArray(value))
    throw new TypeError(`@proc/telemetry-testing: ${field}: array expected`);
  return value;
}

/** One element of a repeated message field: throws `<field>: object expected` for a non-object. */
export function elementOf(list: unknown[], index: number, field: string): Json {
  const element = list[index];
  if (!isObject(element)) throw new TypeError(`@proc/telemetry-testing: ${field}: object expected`);
  return element;
}

/**
 * A singular message field: `undefined` when absent or `null`, the object otherwise; anything
 * else throws `<field>: object expected`.
 */
export function messageField(value: unknown, field: string): Json | undefined {
  if (value == null) return undefined;
  if (!isObject(value)) throw new TypeError(`@proc/telemetry-testing: ${field}: object expected`);
  return value;
}

/** A `string` field: `String()` of what was sent; `undefined` when absent or `null`. */
export const stringField = (value: unknown): string | undefined =>
  value == null ? undefined : String(value);

/** A `uint32`/`fixed32` field as protobufjs stores it (`>>> 0`); 0 when absent. */
export const uint32Field = (value: unknown): number =>
  value == null ? 0 : (value as number) >>> 0;

/**
 * Converts a field the receiver does not report (`schemaUrl`, the dropped counts) as protobufjs
 * did, for the one way that can fail: a JSON object with a `toString` or `valueOf` member.
 */
export function checkUnreported(value: unknown, as: 'string' | 'uint32' | 'double'): void {
  if (value === null || typeof value !== 'object') return;
  if (as === 'string') String(value);
  else if (as === 'uint32') uint32Field(value);
  else Number(value);
}

/** An `int32`/`sint32` field as protobufjs stores it (`| 0`); 0 when absent. */
export const int32Field = (value: unknown): number => (value == null ? 0 : (value as number) | 0);

/** A `double` field: `Number()` of what was sent (`"NaN"` and `"Infinity"` included). */
export const doubleField = (value: unknown): number | undefined =>
  value == null ? undefined : Number(value);

/**
 * Name-to-number maps of the OTLP enums. OTLP/JSON allows an enum as its number or its name;
 * `fromObject` keeps any number as it is, maps a known name, and leaves any other value unset.
 */
export type EnumNames = ReadonlyMap<string, number>;

/** An enum field as a number; `undefined` when unset (an unknown name counts as unset). */
export function enumField(value: unknown, names: EnumNames): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? names.get(value) : undefined;
}
