// 64-bit integers in OTLP/JSON: a decimal string or a number (proto3 JSON writes strings, some
// exporters numbers). The old path turned each into a protobufjs Long (`Long.fromValue`), then
// into a decimal string (`toObject` with `longs: String`), then into a bigint or number. The
// canonical forms take a direct route here with the same result; anything else (a fraction, an
// out-of-range number, "+5", "", an object) still goes through Long, so it converts, wraps,
// clamps or throws exactly as before.
import protobuf from 'protobufjs/light.js';

interface LongLike {
  toString(): string;
}
const Long = protobuf.util.Long as unknown as {
  fromValue(value: unknown, unsigned: boolean): LongLike;
};

const DECIMAL = /^-?[0-9]+$/;
/** Up to 15 digits: always a safe integer, so `Number()` of it is exact. */
const SHORT_DECIMAL = /^-?[0-9]{1,15}$/;
/** Up to 19 digits without a sign: below 2^64, so no wrap-around. */
const UNSIGNED_DECIMAL = /^[0-9]{1,19}$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Long's route, for the non-canonical forms. */
const throughLong = (value: unknown, unsigned: boolean): bigint =>
  BigInt(Long.fromValue(value, unsigned).toString());

/** A `fixed64`/`uint64` field (times, counts) as a bigint. Long wraps decimal strings mod 2^64. */
export function uint64Field(value: unknown): bigint {
  if (typeof value === 'string') {
    if (UNSIGNED_DECIMAL.test(value)) return BigInt(value);
    if (DECIMAL.test(value)) return BigInt.asUintN(64, BigInt(value));
  } else if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value < 2 ** 64
  ) {
    // Long.fromNumber is exact for an integral double in range, and so is BigInt().
    return BigInt(value);
  }
  return throughLong(value, true);
}

/** A `fixed64`/`uint64` value as a number (a count, one bucket count). */
export function uint64Number(value: unknown): number {
  // `+ 0` turns -0 into 0, as the Long round trip did.
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0;
  if (typeof value === 'string' && value[0] !== '-' && SHORT_DECIMAL.test(value)) {
    return Number(value);
  }
  return Number(uint64Field(value));
}

/** A `fixed64` count field as a number; 0 when absent. */
export const uint64NumberField = (value: unknown): number =>
  value == null ? 0 : uint64Number(value);

/** A `fixed64` time field in nanoseconds; 0n when absent. */
export const nanosField = (value: unknown): bigint => (value == null ? 0n : uint64Field(value));

/** An `int64`/`sfixed64` field as a bigint, two's complement like Long. */
function int64Field(value: unknown): bigint {
  if (typeof value === 'string' && DECIMAL.test(value)) return BigInt.asIntN(64, BigInt(value));
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value > -(2 ** 63) &&
    value < 2 ** 63
  ) {
    return BigInt(value);
  }
  return throughLong(value, false);
}

/**
 * An `int64`/`sfixed64` value (an attribute, a metric value) as the receiver reports it: a
 * number, or a bigint when it does not fit safely.
 */
export function int64ValueField(value: unknown): number | bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value + 0;
  if (typeof value === 'string' && SHORT_DECIMAL.test(value)) return Number(value) + 0;
  const big = int64Field(value);
  return big <= MAX_SAFE && big >= MIN_SAFE ? Number(big) : big;
}
