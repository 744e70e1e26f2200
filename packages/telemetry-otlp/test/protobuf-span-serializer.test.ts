import type { SpanContext } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { decodeOtlpProtobuf } from '@proc/telemetry-testing';
import fc from 'fast-check';
import { protobufSpanSerializer } from '../src/index.js';
import { aSpan, batch } from './helpers/span-arbitraries.js';

/** What the SDK's serializer makes of `spans`, or the error it throws. */
function sdkBytes(spans: ReadableSpan[]): Uint8Array | Error {
  try {
    return ProtobufTraceSerializer.serializeRequest(spans)!;
  } catch (error) {
    return error as Error;
  }
}

/** Asserts that ours writes, to the byte, what the SDK's serializer writes for `spans`. */
function expectTheSdkBytes(spans: ReadableSpan[]): Uint8Array {
  const actual = protobufSpanSerializer.serializeRequest(spans)!;
  expect(Buffer.from(actual).equals(Buffer.from(sdkBytes(spans) as Uint8Array))).toBe(true);
  return actual;
}

describe('protobufSpanSerializer', () => {
  describe('serializeRequest', () => {
    it('should write what the SDK serializer writes, for any spans, resources and scopes', () => {
      fc.assert(
        fc.property(batch, (spans) => {
          const expected = ProtobufTraceSerializer.serializeRequest(spans)!;
          const actual = protobufSpanSerializer.serializeRequest(spans)!;
          expect(decodeOtlpProtobuf('traces', actual)).toEqual(
            decodeOtlpProtobuf('traces', expected),
          );
          expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('should write an empty request for an empty batch', () => {
      const actual = protobufSpanSerializer.serializeRequest([])!;
      expect(actual).toHaveLength(0);
      expect(decodeOtlpProtobuf('traces', actual)).toEqual({ resourceSpans: [] });
    });

    it('should write non-ASCII text and lone surrogates as the SDK does (U+FFFD)', () => {
      const spans = [
        aSpan({ name: 'grüße 日本 🎉 \ud800 x \udfff', attributes: { ключ: '\ud83d' } }),
      ];
      const actual = expectTheSdkBytes(spans);
      const decoded = decodeOtlpProtobuf('traces', actual) as {
        resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[];
      };
      expect(decoded.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.name).toBe(
        'grüße 日本 🎉 \ufffd x \ufffd',
      );
    });

    it('should write the int64 range as int_value and beyond it, NaN and Infinity as double_value', () => {
      const values = {
        min: -(2 ** 63),
        negative: -1,
        max: 2 ** 62,
        over: 2 ** 63,
        nan: Number.NaN,
        infinity: Number.NEGATIVE_INFINITY,
      };
      const actual = protobufSpanSerializer.serializeRequest([aSpan({ attributes: values })])!;
      const decoded = decodeOtlpProtobuf('traces', actual) as {
        resourceSpans: {
          scopeSpans: { spans: { attributes: { key: string; value: unknown }[] }[] }[];
        }[];
      };
      expect(decoded.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.attributes).toEqual([
        { key: 'min', value: { intValue: '-9223372036854775808', value: 'intValue' } },
        { key: 'negative', value: { intValue: '-1', value: 'intValue' } },
        { key: 'max', value: { intValue: '4611686018427387904', value: 'intValue' } },
        { key: 'over', value: { doubleValue: 2 ** 63, value: 'doubleValue' } },
        { key: 'nan', value: { doubleValue: Number.NaN, value: 'doubleValue' } },
        { key: 'infinity', value: { doubleValue: Number.NEGATIVE_INFINITY, value: 'doubleValue' } },
      ]);
    });

    it('should grow past its first buffer and keep writing correct requests after (regression: lengths of messages begun before it grew)', () => {
      // 300 KB: one growth, a 3-byte length; 9 MiB: growth twice, and the buffer is not kept.
      for (const size of [300_000, 9 * 1024 * 1024]) {
        const spans = [aSpan({ attributes: { blob: 'x'.repeat(size) } }), aSpan({ name: 'after' })];
        expectTheSdkBytes(spans);
      }
      const small = [aSpan({ name: 'small' })];
      expectTheSdkBytes(small);
    });

    it('should write values of the wrong type where the SDK serializer writes them (a number as a name or an id)', () => {
      const context = { traceId: 42 as never, spanId: 'b'.repeat(16), traceFlags: 1 };
      expectTheSdkBytes([aSpan({ name: 7 as never, spanContext: () => context })]);
    });

    it('should throw for a span the SDK serializer cannot encode either, and encode the next batch whole', () => {
      const bad = [
        aSpan({ name: null as never }),
        aSpan({ links: [{ context: {} as SpanContext }] }),
        aSpan({ events: [null as never] }),
      ];
      for (const span of bad) {
        expect(sdkBytes([span])).toBeInstanceOf(Error);
        expect(() => protobufSpanSerializer.serializeRequest([aSpan(), span])).toThrow();
      }
      const good = [aSpan({ name: 'good' })];
      expectTheSdkBytes(good);
    });
  });

  describe('deserializeResponse', () => {
    it('should read a partial success as the SDK does', () => {
      const response = new Uint8Array([0x0a, 0x02, 0x08, 0x03]);
      expect(protobufSpanSerializer.deserializeResponse(response)).toEqual(
        ProtobufTraceSerializer.deserializeResponse(response),
      );
    });
  });
});
