// OTLP/JSON `AnyValue`s and `KeyValue` lists (attributes, log bodies) straight into the values
// the receiver reports (see `ReceivedAttributes`).
import protobuf from 'protobufjs/light.js';
import type { ReceivedAttributes } from '../../types.js';
import { checkDepth, elementOf, type Json, listField, messageField } from './json-fields.js';
import { int64ValueField } from './json-int64.js';

const KEY_VALUE_VALUE = '.opentelemetry.proto.common.v1.KeyValue.value';
const ANY_VALUE_ARRAY = '.opentelemetry.proto.common.v1.AnyValue.arrayValue';
const ANY_VALUE_KVLIST = '.opentelemetry.proto.common.v1.AnyValue.kvlistValue';
const ARRAY_VALUES = '.opentelemetry.proto.common.v1.ArrayValue.values';
const KVLIST_VALUES = '.opentelemetry.proto.common.v1.KeyValueList.values';

/** `bytesValue` is base64 in OTLP/JSON (only the ids are hex); decoded by protobufjs' own codec. */
function base64Bytes(text: string): Uint8Array {
  const buffer = protobuf.util.newBuffer(protobuf.util.base64.length(text));
  protobuf.util.base64.decode(text, buffer, 0);
  return Uint8Array.from(buffer);
}

/**
 * An `AnyValue` (already known to be an object) at nesting `depth`. Every field sent is read
 * and checked, and the one with the highest field number wins, as the `value` oneof of the
 * round trip through protobufjs reported it; none gives `undefined`.
 */
export function anyValueOf(value: Json, depth: number): unknown {
  checkDepth(depth);
  let result: unknown;
  if (value.stringValue != null) result = String(value.stringValue);
  if (value.boolValue != null) result = Boolean(value.boolValue);
  if (value.intValue != null) result = int64ValueField(value.intValue);
  if (value.doubleValue != null) result = Number(value.doubleValue);
  const array = messageField(value.arrayValue, ANY_VALUE_ARRAY);
  if (array !== undefined) result = arrayValueOf(array, depth + 1);
  const kvlist = messageField(value.kvlistValue, ANY_VALUE_KVLIST);
  if (kvlist !== undefined) {
    checkDepth(depth + 1);
    result = attributesField(kvlist.values, KVLIST_VALUES, depth + 2);
  }
  const bytes = value.bytesValue;
  if (bytes != null) {
    if (typeof bytes === 'string') result = base64Bytes(bytes);
    // protobufjs kept any array-like as the bytes; the receiver copies it into a Uint8Array.
    else if (bytes.length >= 0) result = Uint8Array.from(bytes);
  }
  return result;
}

function arrayValueOf(array: Json, depth: number): unknown[] {
  checkDepth(depth);
  const list = listField(array.values, ARRAY_VALUES);
  if (list === undefined) return [];
  const values = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    values[i] = anyValueOf(elementOf(list, i, ARRAY_VALUES), depth + 1);
  }
  return values;
}

/**
 * A repeated `KeyValue` field named `field` (its full protobuf name, for errors), whose
 * messages sit at nesting `depth`, as a record; a later duplicate key wins.
 */
export function attributesField(value: unknown, field: string, depth: number): ReceivedAttributes {
  const result: ReceivedAttributes = {};
  const list = listField(value, field);
  if (list === undefined) return result;
  for (let i = 0; i < list.length; i++) {
    const keyValue = elementOf(list, i, field);
    checkDepth(depth);
    const key = keyValue.key == null ? '' : String(keyValue.key);
    const raw = messageField(keyValue.value, KEY_VALUE_VALUE);
    result[key] = raw === undefined ? undefined : anyValueOf(raw, depth + 1);
  }
  return result;
}
