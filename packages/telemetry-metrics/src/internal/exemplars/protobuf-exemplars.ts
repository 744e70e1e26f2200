import type { Attributes, AttributeValue, HrTime } from '@opentelemetry/api';
import { I64, LEN, VARINT, varint } from './protobuf-fields.js';
import type { RecordedExemplar } from './types.js';

// OTLP messages as opentelemetry-proto defines them (metrics/v1/metrics.proto,
// common/v1/common.proto); field numbers are stable across OTLP versions.
const EXEMPLAR = {
  filteredAttributes: 7,
  timeUnixNano: 2,
  asDouble: 3,
  asInt: 6,
  spanId: 4,
  traceId: 5,
};
const KEY_VALUE = { key: 1, value: 2 };
const ANY_VALUE = { string: 1, bool: 2, int: 3, double: 4, array: 5, kvlist: 6, bytes: 7 };
/** `values` of ArrayValue and KeyValueList. */
const VALUES = 1;

const utf8 = new TextEncoder();

type Out = number[];

function tag(out: Out, field: number, wire: number): void {
  out.push(...varint(field * 8 + wire));
}

function lengthDelimited(out: Out, field: number, payload: ArrayLike<number>): void {
  tag(out, field, LEN);
  out.push(...varint(payload.length));
  for (let i = 0; i < payload.length; i++) out.push(payload[i] as number);
}

function uint64Varint(out: Out, value: bigint): void {
  let rest = BigInt.asUintN(64, value);
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
}

function fixed64(out: Out, field: number, write: (view: DataView) => void): void {
  tag(out, field, I64);
  const bytes = new Uint8Array(8);
  write(new DataView(bytes.buffer));
  out.push(...bytes);
}

function nanos([seconds, nanoseconds]: HrTime): bigint {
  return BigInt(Math.trunc(seconds)) * 1_000_000_000n + BigInt(Math.trunc(nanoseconds));
}

/** An `AnyValue`, by the rules of otlp-transformer's `toAnyValue()`: integers as `int_value`. */
function anyValue(value: unknown): Out {
  const out: Out = [];
  if (typeof value === 'string') {
    lengthDelimited(out, ANY_VALUE.string, utf8.encode(value));
  } else if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      tag(out, ANY_VALUE.int, VARINT);
      uint64Varint(out, BigInt(value));
    } else {
      fixed64(out, ANY_VALUE.double, (view) => view.setFloat64(0, value, true));
    }
  } else if (typeof value === 'boolean') {
    tag(out, ANY_VALUE.bool, VARINT);
    out.push(value ? 1 : 0);
  } else if (value instanceof Uint8Array) {
    lengthDelimited(out, ANY_VALUE.bytes, value);
  } else if (Array.isArray(value)) {
    const values: Out = [];
    for (const item of value) lengthDelimited(values, VALUES, anyValue(item));
    lengthDelimited(out, ANY_VALUE.array, values);
  } else if (typeof value === 'object' && value !== null) {
    const values: Out = [];
    for (const [key, item] of Object.entries(value)) {
      lengthDelimited(values, VALUES, keyValue(key, item));
    }
    lengthDelimited(out, ANY_VALUE.kvlist, values);
  }
  return out;
}

function keyValue(key: string, value: AttributeValue | unknown): Out {
  const out: Out = [];
  lengthDelimited(out, KEY_VALUE.key, utf8.encode(key));
  lengthDelimited(out, KEY_VALUE.value, anyValue(value));
  return out;
}

function exemplar(recorded: RecordedExemplar, integer: boolean): Out {
  const out: Out = [];
  fixed64(out, EXEMPLAR.timeUnixNano, (view) => view.setBigUint64(0, nanos(recorded.time), true));
  if (integer) {
    const value = BigInt(Math.trunc(recorded.value));
    fixed64(out, EXEMPLAR.asInt, (view) => view.setBigInt64(0, BigInt.asIntN(64, value), true));
  } else {
    fixed64(out, EXEMPLAR.asDouble, (view) => view.setFloat64(0, recorded.value, true));
  }
  if (recorded.spanId !== undefined) {
    lengthDelimited(out, EXEMPLAR.spanId, Buffer.from(recorded.spanId, 'hex'));
  }
  if (recorded.traceId !== undefined) {
    lengthDelimited(out, EXEMPLAR.traceId, Buffer.from(recorded.traceId, 'hex'));
  }
  const attributes: Attributes = recorded.filteredAttributes;
  for (const [key, value] of Object.entries(attributes)) {
    lengthDelimited(out, EXEMPLAR.filteredAttributes, keyValue(key, value));
  }
  return out;
}

/**
 * The `exemplars` fields (number `field` of the data point message) holding `exemplars`, to be
 * appended to an encoded data point: a repeated field may follow the point's other fields.
 * `integer` writes the values as `as_int`, as the points of an INT instrument are.
 */
export function encodeExemplars(
  field: number,
  exemplars: readonly RecordedExemplar[],
  integer: boolean,
): Uint8Array {
  const out: Out = [];
  for (const recorded of exemplars) lengthDelimited(out, field, exemplar(recorded, integer));
  return Uint8Array.from(out);
}
