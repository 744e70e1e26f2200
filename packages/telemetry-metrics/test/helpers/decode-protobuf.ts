// A minimal protobuf walker for tests: enough to find the exemplars our serializer writes
// without a schema. Fields come back in wire order with raw values.

export type ProtoField =
  | { field: number; wire: 0; value: bigint }
  | { field: number; wire: 1; bytes: Uint8Array }
  | { field: number; wire: 2; bytes: Uint8Array }
  | { field: number; wire: 5; bytes: Uint8Array };

function varint(buf: Uint8Array, at: { pos: number }): bigint {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[at.pos++];
    if (byte === undefined) throw new Error('truncated varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7n;
  }
}

/** The top-level fields of one message. */
export function decodeFields(buf: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  const at = { pos: 0 };
  while (at.pos < buf.length) {
    const tag = Number(varint(buf, at));
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      fields.push({ field, wire, value: varint(buf, at) });
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      fields.push({ field, wire, bytes: buf.subarray(at.pos, at.pos + size) });
      at.pos += size;
    } else if (wire === 2) {
      const length = Number(varint(buf, at));
      fields.push({ field, wire, bytes: buf.subarray(at.pos, at.pos + length) });
      at.pos += length;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return fields;
}

/** The payloads of the length-delimited fields numbered `field`. */
export function messages(buf: Uint8Array, field: number): Uint8Array[] {
  return decodeFields(buf)
    .filter((f) => f.field === field && f.wire === 2)
    .map((f) => (f as { bytes: Uint8Array }).bytes);
}

/** Little-endian fixed64 as bigint, double as number. */
export const fixed64 = (bytes: Uint8Array): bigint =>
  Buffer.from(bytes.buffer, bytes.byteOffset, 8).readBigUInt64LE();
export const double = (bytes: Uint8Array): number =>
  Buffer.from(bytes.buffer, bytes.byteOffset, 8).readDoubleLE();
export const hex = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
