import type { HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  type BackwardProtobufWriter,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from './backward-protobuf-writer.js';

// The messages of opentelemetry/proto/common/v1/common.proto and resource/v1/resource.proto,
// each written last field first (see BackwardProtobufWriter), with the fields and presence rules
// of the SDK's serializer (@opentelemetry/otlp-transformer 0.223), so a collector reads the same.

/** -(2^63) and 2^63: exact doubles, so the int64 range check is exact. */
const MIN_INT64 = -(2 ** 63);
const MAX_INT64 = 2 ** 63;

/** A timestamp as fixed64 nanoseconds, exact beyond 2^53 (the halves are computed apart). */
export function writeHrTime(writer: BackwardProtobufWriter, [seconds, nanos]: HrTime): void {
  const fromLow16 = (seconds & 0xffff) * 1_000_000_000;
  const fromHigh = ((seconds / 0x10000) >>> 0) * 1_000_000_000;
  const low = (fromLow16 >>> 0) + (((fromHigh & 0xffff) * 0x10000) >>> 0) + nanos;
  const high =
    Math.floor(fromLow16 / 0x100000000) +
    Math.floor(fromHigh / 0x10000) +
    Math.floor(low / 0x100000000);
  writer.fixed64(low >>> 0, high >>> 0);
}

/** An AnyValue message's fields; a value of no OTLP type (undefined, null, a function) writes none. */
function writeAnyValueFields(writer: BackwardProtobufWriter, value: unknown): void {
  switch (typeof value) {
    case 'string':
      writer.string(value);
      writer.tag(1, WIRE_LENGTH_DELIMITED);
      return;
    case 'boolean':
      writer.uint32(value ? 1 : 0);
      writer.tag(2, WIRE_VARINT);
      return;
    case 'number':
      if (Number.isInteger(value) && value >= MIN_INT64 && value < MAX_INT64) {
        writer.int64(value);
        writer.tag(3, WIRE_VARINT);
      } else {
        writer.double(value);
        writer.tag(4, WIRE_FIXED64);
      }
      return;
    case 'object':
      if (value === null) return;
      if (value instanceof Uint8Array) {
        writer.bytes(value);
        writer.tag(7, WIRE_LENGTH_DELIMITED);
      } else if (Array.isArray(value)) {
        const end = writer.end();
        for (let i = value.length - 1; i >= 0; i--) writeAnyValue(writer, 1, value[i]);
        writer.endMessage(5, end);
      } else {
        const end = writer.end();
        writeKeyValues(writer, 1, value as Record<string, unknown>);
        writer.endMessage(6, end);
      }
      return;
    default:
  }
}

function writeAnyValue(writer: BackwardProtobufWriter, fieldNumber: number, value: unknown): void {
  const end = writer.end();
  writeAnyValueFields(writer, value);
  writer.endMessage(fieldNumber, end);
}

/**
 * The own enumerable keys of `values` as repeated KeyValue `fieldNumber`, in `for…in` order
 * (the SDK's), so written last first.
 */
export function writeKeyValues(
  writer: BackwardProtobufWriter,
  fieldNumber: number,
  values: Record<string, unknown>,
): void {
  const keys = Object.keys(values);
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    const end = writer.end();
    writeAnyValue(writer, 2, values[key]);
    writer.string(key);
    writer.tag(1, WIRE_LENGTH_DELIMITED);
    writer.endMessage(fieldNumber, end);
  }
}

/** The fields of an InstrumentationScope (name, version, attributes, dropped count). */
export interface ScopeLike {
  name: string;
  version?: string;
  attributes?: Record<string, unknown>;
  droppedAttributesCount?: number;
}

export function writeInstrumentationScope(
  writer: BackwardProtobufWriter,
  fieldNumber: number,
  scope: ScopeLike,
): void {
  const end = writer.end();
  if (scope.droppedAttributesCount) {
    writer.int64(scope.droppedAttributesCount);
    writer.tag(4, WIRE_VARINT);
  }
  if (scope.attributes) writeKeyValues(writer, 3, scope.attributes);
  if (scope.version) {
    writer.string(scope.version);
    writer.tag(2, WIRE_LENGTH_DELIMITED);
  }
  writer.string(scope.name);
  writer.tag(1, WIRE_LENGTH_DELIMITED);
  writer.endMessage(fieldNumber, end);
}

/** A Resource: its attributes and a dropped count of 0 (the SDK tracks none). */
export function writeResource(
  writer: BackwardProtobufWriter,
  fieldNumber: number,
  resource: ReadableSpan['resource'],
): void {
  const end = writer.end();
  writer.uint32(0);
  writer.tag(2, WIRE_VARINT);
  if (resource.attributes) writeKeyValues(writer, 1, resource.attributes);
  writer.endMessage(fieldNumber, end);
}
