import { randomFillSync } from 'node:crypto';
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

/** Span ids (8 bytes each) drawn from one fill of the pool; a trace id takes two. */
const POOL_SPAN_IDS = 1024;
const SPAN_ID_BYTES = 8;
const SPAN_ID_HEX = SPAN_ID_BYTES * 2;
const TRACE_ID_HEX = SPAN_ID_HEX * 2;

/** Fills `bytes` with random bytes: `crypto.randomFillSync`, or a test's own. */
export type FillRandom = (bytes: Uint8Array) => void;

const fillFromCrypto: FillRandom = (bytes) => {
  randomFillSync(bytes);
};

/**
 * Trace and span ids cut from one string of random hex made per 1,024 span ids, instead of the
 * SDK's `RandomIdGenerator`, which writes `Math.random()` into a buffer and hex-encodes it (a call
 * into C++) for every id: a root span's two ids cost ~600 ns there and ~150 ns here
 * (docs/benchmarks.md, "Fourth pass"). The bytes come from `crypto.randomFillSync`, so the ids are at
 * least as random as the SDK's. Each 8-byte slot of the pool is made non-zero before encoding,
 * so a span id (one slot) and a trace id (two) are never all zeros, which W3C Trace Context
 * rejects; ids always start on a slot, so no id straddles two fills.
 *
 * An id is a slice of the pool's string (V8 shares the characters), so a pool's 16 KiB string
 * stays in memory while any id cut from it lives: spread over its 1,024 span ids that is 16 bytes
 * each, but a single id kept for long keeps the whole pool.
 */
export function createPooledIdGenerator(fill: FillRandom = fillFromCrypto): IdGenerator {
  const bytes = new Uint8Array(POOL_SPAN_IDS * SPAN_ID_BYTES);
  const words = new Uint32Array(bytes.buffer);
  const buffer = Buffer.from(bytes.buffer);
  let pool = '';
  let at = 0;
  const refill = () => {
    fill(bytes);
    for (let word = 0; word < words.length; word += 2) {
      // The last byte of an all-zero slot becomes 1, as the SDK's generator does.
      if ((words[word]! | words[word + 1]!) === 0) bytes[word * 4 + SPAN_ID_BYTES - 1] = 1;
    }
    pool = buffer.toString('hex');
    at = 0;
  };
  const take = (length: number) => {
    if (at + length > pool.length) refill();
    const id = pool.slice(at, at + length);
    at += length;
    return id;
  };
  return {
    generateTraceId: () => take(TRACE_ID_HEX),
    generateSpanId: () => take(SPAN_ID_HEX),
  };
}
