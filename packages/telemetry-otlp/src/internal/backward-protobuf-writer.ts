/** Wire types of the protobuf encoding. */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

/** Where a first request starts: large enough for a batch of 512 typical spans. */
const INITIAL_BYTES = 256 * 1024;
/** A scratch buffer grown past this is not kept for the next request. */
const RETAINED_BYTES = 8 * 1024 * 1024;

/** Bytes of the unsigned varint of `value` (0 ≤ value < 2^32). */
function varint32Size(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/**
 * A protobuf writer that fills its buffer from the end towards the start, in the manner of upb's
 * encoder: a message is written after its fields, so its length is known when it is prefixed and
 * nothing is measured twice or moved. Callers write the fields of a message, and the items of a
 * repeated field, last first. The varints are canonical, so the bytes are what a forward encoder
 * (the SDK's, protobufjs) writes for the same fields in the same order.
 *
 * Written here, not taken from protobufjs, because protobufjs' `Writer` only appends (it queues
 * one operation object per field and measures each nested message when it ends): encoding the
 * SDK's spans through it cost as much as the SDK's own serializer.
 *
 * One writer is reused for every request (encoding is synchronous): `finish()` copies the bytes
 * out and resets it.
 */
export class BackwardProtobufWriter {
  private buffer = new Uint8Array(INITIAL_BYTES);
  private view = new DataView(this.buffer.buffer);
  private readonly textEncoder = new TextEncoder();
  /** The first written byte; everything from here to the end is the message so far. */
  pos = INITIAL_BYTES;

  /** The bytes written since the last `finish()`, copied out; the writer starts over. */
  finish(): Uint8Array {
    const bytes = this.buffer.slice(this.pos);
    if (this.buffer.length > RETAINED_BYTES) {
      this.buffer = new Uint8Array(INITIAL_BYTES);
      this.view = new DataView(this.buffer.buffer);
    }
    this.pos = this.buffer.length;
    return bytes;
  }

  /** Forgets what was written since the last `finish()`. */
  reset(): void {
    this.pos = this.buffer.length;
  }

  /**
   * Where the message about to be written ends, for `endMessage()`: counted from the end of the
   * buffer, which stays put when the buffer grows.
   */
  end(): number {
    return this.buffer.length - this.pos;
  }

  /** Prefixes what was written since `end` (a message's fields) with its length and field tag. */
  endMessage(fieldNumber: number, end: number): void {
    this.uint32(this.buffer.length - this.pos - end);
    this.tag(fieldNumber, WIRE_LENGTH_DELIMITED);
  }

  private reserve(bytes: number): void {
    if (this.pos >= bytes) return;
    const used = this.buffer.length - this.pos;
    let size = this.buffer.length * 2;
    while (size - used < bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(this.pos), size - used);
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
    this.pos = size - used;
  }

  tag(fieldNumber: number, wireType: number): void {
    this.uint32(((fieldNumber << 3) | wireType) >>> 0);
  }

  /** An unsigned varint, 0 ≤ value < 2^32. */
  uint32(value: number): void {
    if (value < 0x80 && this.pos > 0) {
      // Most tags, lengths of keys and values, counts and kinds: one byte.
      this.buffer[--this.pos] = value;
      return;
    }
    const size = varint32Size(value);
    this.reserve(size);
    this.pos -= size;
    const buffer = this.buffer;
    let at = this.pos;
    let rest = value;
    while (rest > 0x7f) {
      buffer[at++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    buffer[at] = rest;
  }

  /**
   * A varint of any integer in the int64 range (negative ones as their 64-bit two's complement,
   * ten bytes), as the SDK writes `int_value` and the uint32 counts.
   */
  int64(value: number): void {
    if (value >= 0 && value <= 0xffffffff) {
      this.uint32(value);
      return;
    }
    const magnitude = Math.abs(value);
    let low = magnitude >>> 0;
    let high = (magnitude / 0x100000000) >>> 0;
    if (value < 0) {
      low = ~low >>> 0;
      high = ~high >>> 0;
      low = (low + 1) >>> 0;
      if (low === 0) high = (high + 1) >>> 0;
    }
    let size = 1;
    for (let l = low, h = high; h > 0 || l > 0x7f; size++) {
      l = ((l >>> 7) | (h << 25)) >>> 0;
      h >>>= 7;
    }
    this.reserve(size);
    this.pos -= size;
    let at = this.pos;
    while (high > 0 || low > 0x7f) {
      this.buffer[at++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    this.buffer[at] = low;
  }

  fixed32(value: number): void {
    this.reserve(4);
    this.pos -= 4;
    this.view.setUint32(this.pos, value >>> 0, true);
  }

  /** A fixed64 from its two 32-bit halves. */
  fixed64(low: number, high: number): void {
    this.reserve(8);
    this.pos -= 8;
    this.view.setUint32(this.pos, low >>> 0, true);
    this.view.setUint32(this.pos + 4, high >>> 0, true);
  }

  double(value: number): void {
    this.reserve(8);
    this.pos -= 8;
    this.view.setFloat64(this.pos, value, true);
  }

  /** A length-delimited field's bytes and length (the caller writes the tag). */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.pos -= bytes.length;
    this.buffer.set(bytes, this.pos);
    this.uint32(bytes.length);
  }

  /**
   * A string as UTF-8 and its length (the caller writes the tag). A lone surrogate becomes
   * U+FFFD, as `TextEncoder` (the SDK's writer) makes it. What the SDK's writer makes of a value
   * that is not a string, reached through the SDK's unchecked API (`updateName(42)`): an empty
   * string, or a TypeError for null and undefined.
   */
  string(value: string): void {
    if (typeof value !== 'string') {
      if (value == null)
        throw new TypeError(`@proc/telemetry-otlp: expected a string, got ${value}`);
      this.uint32(0);
      return;
    }
    const length = value.length;
    this.reserve(length);
    const buffer = this.buffer;
    let at = this.pos;
    for (let i = length - 1; i >= 0; i--) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) {
        this.bytes(this.textEncoder.encode(value));
        return;
      }
      buffer[--at] = code;
    }
    this.pos = at;
    this.uint32(length);
  }

  /**
   * A hex id (trace or span id) as its bytes and their length, without an intermediate array.
   * A character that is not a hex digit is read as the SDK's `hexToBinary()` reads it, and a
   * value that is not a string is written as the SDK writes it: no bytes (a TypeError for null
   * and undefined).
   */
  hexBytes(hex: string): void {
    if (typeof hex !== 'string') {
      if (hex == null) throw new TypeError(`@proc/telemetry-otlp: expected a hex id, got ${hex}`);
      this.uint32(0);
      return;
    }
    const length = hex.length >>> 1;
    if (length * 2 !== hex.length) {
      throw new Error(`@proc/telemetry-otlp: id "${hex}" has an odd number of hex digits`);
    }
    this.reserve(length);
    this.pos -= length;
    const buffer = this.buffer;
    for (let i = 0, at = this.pos; i < length; i++, at++) {
      const high = hex.charCodeAt(2 * i);
      const low = hex.charCodeAt(2 * i + 1);
      buffer[at] =
        ((high < 0x100 ? HEX_DIGITS[high]! : hexDigit(high)) << 4) |
        (low < 0x100 ? HEX_DIGITS[low]! : hexDigit(low));
    }
    this.uint32(length);
  }
}

/** The SDK's `hexToBinary()` value of a character code (any code, hex digit or not). */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return code - 55;
}

/**
 * `hexDigit()` of the codes below 256, to their low byte (all a byte of the result keeps): a
 * table read is about four times faster than the comparisons, and ids are most of a span's bytes.
 */
const HEX_DIGITS = Uint8Array.from({ length: 0x100 }, (_, code) => hexDigit(code) & 0xff);
