import { createTraceState, type HrTime, type Link, type SpanContext } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { decodeOtlpProtobuf } from '@proc/telemetry-testing';
import fc from 'fast-check';
import { protobufSpanSerializer } from '../src/index.js';

// Spans are plain objects shaped as the SDK's ReadableSpan (both serializers read only these
// fields), so every field can take values the SDK's span API would not produce itself.

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 12,
});
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  codeUnitString,
  fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 300 }),
);
const hexId = (bytes: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
    minLength: bytes * 2,
    maxLength: bytes * 2,
  });

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(Number),
    fc.constantFrom(2 ** 63, -(2 ** 64), 1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 32, -(2 ** 31)),
    fc.uint8Array({ maxLength: 40 }),
    fc.constantFrom(undefined, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const attributes = fc.dictionary(text, anyValue, { maxKeys: 5 }) as fc.Arbitrary<
  Record<string, never>
>;
const count = fc.oneof(fc.constant(0), fc.nat(), fc.nat({ max: 300 }));
const hrTime: fc.Arbitrary<HrTime> = fc.tuple(
  fc.integer({ min: 0, max: 2 ** 34 }),
  fc.integer({ min: 0, max: 999_999_999 }),
);
const traceState = fc.option(
  fc.constantFrom('', 'congo=t61rcWkgMzE', 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'),
  { nil: undefined },
);
const spanContext: fc.Arbitrary<SpanContext> = fc.record(
  {
    traceId: hexId(16),
    spanId: hexId(8),
    traceFlags: fc.integer({ min: 0, max: 255 }),
    isRemote: fc.boolean(),
    traceState: traceState.map((state) =>
      state === undefined ? undefined : createTraceState(state),
    ),
  },
  { requiredKeys: ['traceId', 'spanId', 'traceFlags'] },
) as fc.Arbitrary<SpanContext>;
const event: fc.Arbitrary<TimedEvent> = fc.record(
  { time: hrTime, name: text, attributes, droppedAttributesCount: count },
  { requiredKeys: ['time', 'name'] },
);
const link: fc.Arbitrary<Link> = fc.record(
  { context: spanContext, attributes, droppedAttributesCount: count },
  { requiredKeys: ['context'] },
);
const resource = fc
  .record({ attributes, schemaUrl: fc.option(text, { nil: undefined }) })
  .map(({ attributes, schemaUrl }) =>
    resourceFromAttributes(attributes, schemaUrl === undefined ? {} : { schemaUrl }),
  );
const scope = fc.record(
  {
    name: text,
    version: text,
    schemaUrl: text,
    attributes,
    droppedAttributesCount: count,
  },
  { requiredKeys: ['name'] },
);

interface SpanFields
  extends Omit<ReadableSpan, 'spanContext' | 'resource' | 'instrumentationScope'> {
  context: SpanContext;
  resourceIndex: number;
  scopeIndex: number;
}

const spanFields: fc.Arbitrary<SpanFields> = fc.record({
  context: spanContext,
  parentSpanContext: fc.option(
    fc.oneof(
      spanContext,
      spanContext.map((context) => ({ ...context, spanId: '' })),
    ),
    { nil: undefined },
  ),
  // A name that is not a string (reached through `updateName()`, which does not check) is
  // written as an empty one by both.
  name: fc.oneof(
    { weight: 9, arbitrary: text },
    { weight: 1, arbitrary: fc.constant(42 as never) },
  ),
  kind: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(undefined as never)),
  startTime: hrTime,
  endTime: hrTime,
  status: fc.record(
    { code: fc.integer({ min: 0, max: 2 }), message: text },
    { requiredKeys: ['code'] },
  ),
  attributes,
  links: fc.array(link, { maxLength: 4 }),
  events: fc.array(event, { maxLength: 3 }),
  duration: hrTime,
  ended: fc.constant(true),
  droppedAttributesCount: count,
  droppedEventsCount: count,
  droppedLinksCount: count,
  resourceIndex: fc.nat(),
  scopeIndex: fc.nat(),
});

/** A batch: spans of up to three resources and three scopes, interleaved. */
const batch: fc.Arbitrary<ReadableSpan[]> = fc
  .record({
    resources: fc.array(resource, { minLength: 1, maxLength: 3 }),
    scopes: fc.array(scope, { minLength: 1, maxLength: 3 }),
    spans: fc.array(spanFields, { maxLength: 8 }),
  })
  .map(({ resources, scopes, spans }) =>
    spans.map(({ context, resourceIndex, scopeIndex, ...fields }) => ({
      ...fields,
      spanContext: () => context,
      resource: resources[resourceIndex % resources.length]!,
      instrumentationScope: scopes[scopeIndex % scopes.length]!,
    })),
  );

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

function aSpan(overrides: Partial<ReadableSpan> = {}): ReadableSpan {
  const context = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 };
  return {
    name: 'span',
    kind: 1,
    spanContext: () => context,
    startTime: [1_700_000_000, 5],
    endTime: [1_700_000_001, 6],
    status: { code: 0 },
    attributes: {},
    links: [],
    events: [],
    duration: [1, 1],
    ended: true,
    resource: resourceFromAttributes({ 'service.name': 'test' }),
    instrumentationScope: { name: 'scope' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  };
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
