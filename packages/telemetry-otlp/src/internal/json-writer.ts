/** Where the buffer starts, on the first request: large enough for a batch of 512 typical spans. */
const INITIAL_BYTES = 512 * 1024;
/** A scratch buffer grown past this is not kept for the next request. */
const RETAINED_BYTES = 8 * 1024 * 1024;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A JSON text written straight into UTF-8 bytes, in one pass and without building the string
 * first: JSON.stringify's text to the byte, for the values it is given. Strings are encoded
 * to UTF-8 here, code unit by code unit; one that needs an escape is escaped by JSON.stringify
 * itself and encoded by `TextEncoder`.
 *
 * Objects and arrays are written by their members, each preceded by a comma: `closeObject()` and
 * `closeArray()` turn the first comma into the opening bracket (or write an empty pair), so a
 * member that turns out to be absent needs no look-ahead.
 *
 * One writer is reused for every request (encoding is synchronous): `finish()` copies the bytes
 * out and resets it.
 */
export class JsonWriter {
  /** Empty until the first request, so an app that never exports JSON never allocates it. */
  private buffer = new Uint8Array(0);
  private readonly textEncoder = new TextEncoder();
  pos = 0;

  /** The bytes written since the last `finish()`, copied out; the writer starts over. */
  finish(): Uint8Array {
    const bytes = this.buffer.slice(0, this.pos);
    if (this.buffer.length > RETAINED_BYTES) this.buffer = new Uint8Array(INITIAL_BYTES);
    this.pos = 0;
    return bytes;
  }

  /** Forgets what was written since the last `finish()`. */
  reset(): void {
    this.pos = 0;
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buffer.length) return;
    let size = Math.max(this.buffer.length * 2, INITIAL_BYTES);
    while (size - this.pos < bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.pos));
    this.buffer = grown;
  }

  /** Text known to be printable ASCII that needs no escaping (punctuation, field names, numbers). */
  raw(text: string): void {
    const length = text.length;
    this.reserve(length);
    const buffer = this.buffer;
    let at = this.pos;
    for (let i = 0; i < length; i++) buffer[at++] = text.charCodeAt(i);
    this.pos = at;
  }

  /** Where an object or an array begins, for `closeObject()` or `closeArray()`. */
  open(): number {
    return this.pos;
  }

  /** Ends an object whose members were each written after a comma, from `start`. */
  closeObject(start: number): void {
    this.close(start, OPEN_BRACE, CLOSE_BRACE);
  }

  /** Ends an array whose items were each written after a comma, from `start`. */
  closeArray(start: number): void {
    this.close(start, OPEN_BRACKET, CLOSE_BRACKET);
  }

  /** `items` as an array, each written by `write`. */
  array<T>(items: ArrayLike<T>, write: (writer: JsonWriter, item: T) => void): void {
    const start = this.pos;
    for (let i = 0; i < items.length; i++) {
      this.comma();
      write(this, items[i]!);
    }
    this.closeArray(start);
  }

  /** The comma before the next member or item. */
  comma(): void {
    this.reserve(1);
    this.buffer[this.pos++] = 0x2c;
  }

  private close(start: number, open: number, close: number): void {
    this.reserve(2);
    if (this.pos === start) this.buffer[this.pos++] = open;
    else this.buffer[start] = open;
    this.buffer[this.pos++] = close;
  }

  /**
   * A string as JSON.stringify writes it. Printable text of any script is encoded here; a string
   * that needs an escape (a quote, a backslash, a control character, a lone surrogate) is left
   * to JSON.stringify.
   */
  string(value: string): void {
    const length = value.length;
    this.reserve(length * 3 + 2);
    const buffer = this.buffer;
    let at = this.pos;
    buffer[at++] = QUOTE;
    for (let i = 0; i < length; i++) {
      let code = value.charCodeAt(i);
      if (code < 0x80) {
        if (code < 0x20 || code === QUOTE || code === BACKSLASH) {
          this.escaped(value);
          return;
        }
        buffer[at++] = code;
      } else if (code < 0x800) {
        buffer[at++] = 0xc0 | (code >> 6);
        buffer[at++] = 0x80 | (code & 0x3f);
      } else if (code < 0xd800 || code > 0xdfff) {
        buffer[at++] = 0xe0 | (code >> 12);
        buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
        buffer[at++] = 0x80 | (code & 0x3f);
      } else {
        // NaN past the end: a high surrogate last is lone too.
        const low = code < 0xdc00 ? value.charCodeAt(i + 1) : Number.NaN;
        if (!(low >= 0xdc00 && low <= 0xdfff)) {
          this.escaped(value);
          return;
        }
        i++;
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        buffer[at++] = 0xf0 | (code >> 18);
        buffer[at++] = 0x80 | ((code >> 12) & 0x3f);
        buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
        buffer[at++] = 0x80 | (code & 0x3f);
      }
    }
    buffer[at++] = QUOTE;
    this.pos = at;
  }

  /** A string that needs escapes, escaped by JSON.stringify (a lone surrogate as `\udxxx`). */
  private escaped(value: string): void {
    this.utf8(JSON.stringify(value));
  }

  /** Bytes taken from an earlier request's `copy()`. */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** A copy of what was written from `start`, to be written again with `bytes()`. */
  copy(start: number): Uint8Array {
    return this.buffer.slice(start, this.pos);
  }

  /** A number as JSON.stringify writes it (`null` for NaN and the infinities). */
  number(value: number): void {
    this.raw(Number.isFinite(value) ? `${value}` : 'null');
  }

  /**
   * `prefix` (`,"name":`) and `value` as JSON.stringify writes a property, or nothing where it
   * leaves the property out (undefined, a function, a symbol).
   * @throws TypeError where JSON.stringify throws (a BigInt, a circular object).
   */
  property(prefix: string, value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.raw(prefix);
        this.string(value);
        return;
      case 'number':
        this.raw(prefix);
        this.number(value);
        return;
      case 'undefined':
        return;
      default: {
        const json = JSON.stringify(value);
        if (json === undefined) return;
        this.raw(prefix);
        this.utf8(json);
      }
    }
  }

  /** Non-negative whole nanoseconds as a JSON string: `seconds` then nine digits of `nanos`. */
  nanos(seconds: number, nanos: number): void {
    this.reserve(2);
    this.buffer[this.pos++] = QUOTE;
    this.raw(`${seconds}`);
    this.reserve(10);
    const buffer = this.buffer;
    let rest = nanos;
    for (let at = this.pos + 8; at >= this.pos; at--) {
      buffer[at] = 0x30 + (rest % 10);
      rest = (rest - (rest % 10)) / 10;
    }
    this.pos += 9;
    buffer[this.pos++] = QUOTE;
  }

  /** Any text, as UTF-8 (a lone surrogate as U+FFFD, as `TextEncoder` makes it). */
  private utf8(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.textEncoder.encodeInto(text, this.buffer.subarray(this.pos)).written;
  }
}
