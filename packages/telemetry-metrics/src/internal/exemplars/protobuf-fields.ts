// Just enough of the protobuf wire format to copy an encoded message field by field and replace
// some of its length-delimited fields: https://protobuf.dev/programming-guides/encoding/

/** Wire types. */
export const VARINT = 0;
export const I64 = 1;
export const LEN = 2;
export const I32 = 5;

/** One field of an encoded message, as byte offsets into it. */
export interface EncodedField {
  readonly field: number;
  readonly wire: number;
  /** Where the field's tag starts. */
  readonly start: number;
  /** Where its value starts: after the length, for a length-delimited field. */
  readonly valueStart: number;
  /** Where the field ends. */
  readonly end: number;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  let pos = at;
  for (;;) {
    const byte = bytes[pos++];
    if (byte === undefined || pos - at > 10)
      throw new RangeError('@proc/telemetry-metrics: truncated varint');
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, pos];
    scale *= 128;
  }
}

/** The fields of the encoded message `bytes`, in order. Throws a RangeError when it is malformed. */
export function fieldsOf(bytes: Uint8Array): EncodedField[] {
  const fields: EncodedField[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(bytes, pos);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let valueStart = afterTag;
    let end: number;
    if (wire === VARINT) {
      end = readVarint(bytes, afterTag)[1];
    } else if (wire === I64) {
      end = afterTag + 8;
    } else if (wire === I32) {
      end = afterTag + 4;
    } else if (wire === LEN) {
      const [length, afterLength] = readVarint(bytes, afterTag);
      valueStart = afterLength;
      end = afterLength + length;
    } else {
      throw new RangeError(`@proc/telemetry-metrics: unsupported wire type ${wire}`);
    }
    if (end > bytes.length) throw new RangeError('@proc/telemetry-metrics: truncated field');
    fields.push({ field, wire, start, valueStart, end });
    pos = end;
  }
  return fields;
}

/** The varint encoding of a non-negative integer below 2^53. */
export function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

/**
 * `bytes` with the length-delimited fields numbered `field` replaced by what `edit(payload,
 * index)` returns for them (`undefined` keeps one as it is); every other byte is copied as it
 * is. `bytes` itself when nothing changed; `undefined` when the message holds another number of
 * such fields than `expected`, so a caller matching them by position finds out.
 */
export function editRepeated(
  bytes: Uint8Array,
  field: number,
  expected: number,
  edit: (payload: Uint8Array, index: number) => Uint8Array | undefined,
): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let copiedTo = 0;
  let index = 0;
  for (const f of fieldsOf(bytes)) {
    if (f.field !== field || f.wire !== LEN) continue;
    if (index >= expected) return undefined;
    const edited = edit(bytes.subarray(f.valueStart, f.end), index++);
    if (edited === undefined) continue;
    chunks.push(bytes.subarray(copiedTo, f.start));
    chunks.push(Uint8Array.from([...varint(field * 8 + LEN), ...varint(edited.length)]), edited);
    copiedTo = f.end;
  }
  if (index !== expected) return undefined;
  if (chunks.length === 0) return bytes;
  chunks.push(bytes.subarray(copiedTo));
  return concat(chunks);
}

/** `bytes` followed by `extra`. */
export function append(bytes: Uint8Array, extra: Uint8Array): Uint8Array {
  return concat([bytes, extra]);
}
