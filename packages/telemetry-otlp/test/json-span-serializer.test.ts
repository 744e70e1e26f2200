import { createTraceState, type SpanContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { jsonSpanSerializer } from '../src/index.js';
import { anyValue, aSpan, batch } from './helpers/span-arbitraries.js';

const utf8 = new TextDecoder();

/** What the SDK's serializer makes of `spans`, or the error it throws. */
function sdkBody(spans: ReadableSpan[]): Uint8Array | Error {
  try {
    return JsonTraceSerializer.serializeRequest(spans)!;
  } catch (error) {
    return error as Error;
  }
}

/** Asserts that ours writes, to the byte, what the SDK's serializer writes; returns it parsed. */
function expectTheSdkBody(spans: ReadableSpan[]) {
  const expected = sdkBody(spans);
  expect(expected).toBeInstanceOf(Uint8Array);
  const actual = jsonSpanSerializer.serializeRequest(spans)!;
  expect(utf8.decode(actual)).toBe(utf8.decode(expected as Uint8Array));
  const parsed = JSON.parse(utf8.decode(actual));
  expect(parsed).toEqual(JSON.parse(utf8.decode(expected as Uint8Array)));
  return parsed;
}

/** The first span of a parsed request. */
function firstSpan(request: {
  resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
}) {
  return request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
}

const remoteContext = (traceState?: string): SpanContext => ({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
  isRemote: true,
  ...(traceState === undefined ? {} : { traceState: createTraceState(traceState) }),
});

describe('jsonSpanSerializer', () => {
  describe('serializeRequest', () => {
    it('should write what the SDK serializer writes, for any spans, resources and scopes', () => {
      fc.assert(
        fc.property(batch, (spans) => {
          const expected = sdkBody(spans);
          if (expected instanceof Error) {
            expect(() => jsonSpanSerializer.serializeRequest(spans)).toThrow();
            return;
          }
          const actual = jsonSpanSerializer.serializeRequest(spans)!;
          expect(utf8.decode(actual)).toBe(utf8.decode(expected));
          expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
        }),
        { numRuns: 400 },
      );
    });

    it('should write every attribute value as the SDK does, at any depth', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), anyValue, { maxKeys: 8 }), (attributes) => {
          expectTheSdkBody([aSpan({ attributes: attributes as never })]);
        }),
        { numRuns: 300 },
      );
    });

    it('should write an empty request for an empty batch', () => {
      expect(expectTheSdkBody([])).toEqual({ resourceSpans: [] });
    });

    it('should write every field of a span, its events and links with attributes, as the SDK does', () => {
      const request = expectTheSdkBody([
        aSpan({
          name: 'process "order" \\ größe',
          kind: SpanKind.CONSUMER,
          spanContext: () => ({
            ...remoteContext('rojo=00f067aa0ba902b7'),
            spanId: 'c'.repeat(16),
          }),
          parentSpanContext: remoteContext(),
          startTime: [1_700_000_000, 5],
          endTime: [1_700_000_001, 999_999_999],
          status: { code: SpanStatusCode.ERROR, message: 'sink timeout\n' },
          attributes: { 'messaging.system': 'kafka', 'window.id': 7, ratio: 0.5, late: false },
          droppedAttributesCount: 2,
          events: [
            { name: 'received', time: [1_700_000_000, 10], attributes: { size: 128 } },
            { name: 'no attributes', time: [1_700_000_000, 11], droppedAttributesCount: 3 },
          ],
          droppedEventsCount: 4,
          links: [
            { context: remoteContext('congo=t61rcWkgMzE'), attributes: { reason: 'batch' } },
            { context: { ...remoteContext(), isRemote: false, traceFlags: 0 } },
          ],
          droppedLinksCount: 5,
          resource: resourceFromAttributes(
            { 'service.name': 'json-test' },
            { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' },
          ),
          instrumentationScope: {
            name: 'wire',
            version: '1.2.3',
            schemaUrl: 'https://opentelemetry.io/schemas/1.28.0',
          },
        }),
      ]);
      expect(request.resourceSpans[0]).toMatchObject({
        resource: {
          attributes: [{ key: 'service.name', value: { stringValue: 'json-test' } }],
          droppedAttributesCount: 0,
          schemaUrl: 'https://opentelemetry.io/schemas/1.30.0',
        },
        schemaUrl: 'https://opentelemetry.io/schemas/1.30.0',
        scopeSpans: [
          {
            scope: { name: 'wire', version: '1.2.3' },
            schemaUrl: 'https://opentelemetry.io/schemas/1.28.0',
          },
        ],
      });
      expect(firstSpan(request)).toEqual({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: 'cccccccccccccccc',
        parentSpanId: '00f067aa0ba902b7',
        traceState: 'rojo=00f067aa0ba902b7',
        name: 'process "order" \\ größe',
        kind: 5,
        startTimeUnixNano: '1700000000000000005',
        endTimeUnixNano: '1700000001999999999',
        attributes: [
          { key: 'messaging.system', value: { stringValue: 'kafka' } },
          { key: 'window.id', value: { intValue: 7 } },
          { key: 'ratio', value: { doubleValue: 0.5 } },
          { key: 'late', value: { boolValue: false } },
        ],
        droppedAttributesCount: 2,
        events: [
          {
            attributes: [{ key: 'size', value: { intValue: 128 } }],
            name: 'received',
            timeUnixNano: '1700000000000000010',
            droppedAttributesCount: 0,
          },
          {
            attributes: [],
            name: 'no attributes',
            timeUnixNano: '1700000000000000011',
            droppedAttributesCount: 3,
          },
        ],
        droppedEventsCount: 4,
        status: { code: 2, message: 'sink timeout\n' },
        links: [
          {
            attributes: [{ key: 'reason', value: { stringValue: 'batch' } }],
            spanId: '00f067aa0ba902b7',
            traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
            traceState: 'congo=t61rcWkgMzE',
            droppedAttributesCount: 0,
            flags: 0x301,
          },
          {
            attributes: [],
            spanId: '00f067aa0ba902b7',
            traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
            droppedAttributesCount: 0,
            flags: 0x100,
          },
        ],
        droppedLinksCount: 5,
        // Sampled, and its parent is remote.
        flags: 0x301,
      });
    });

    it('should write each AnyValue type, non-finite doubles as null and bytes as base64, as the SDK does', () => {
      // biome-ignore lint/suspicious/noSparseArray: a hole is written as {}
      const holes = [1, , 3];
      const attributes = {
        string: 'text',
        empty: '',
        bool: true,
        int: -(2 ** 63),
        big: 1e300,
        negativeZero: -0,
        double: 2.5,
        nan: Number.NaN,
        infinity: Number.NEGATIVE_INFINITY,
        bytes: Uint8Array.from([0, 1, 2, 250, 255]),
        emptyBytes: new Uint8Array(0),
        bytesView: Buffer.from('--payload--').subarray(2, 9),
        strings: ['a', 'b'],
        emptyArray: [],
        nested: [[1, [true, 'x']], { inner: [2.5] }],
        holes,
        map: { a: 1, b: { c: 'd' } },
        emptyMap: {},
        none: undefined,
        null: null,
        bigint: 10n,
        symbol: Symbol('s'),
        function: () => 1,
        date: new Date(0),
        typed: Int16Array.from([1, -1]),
      };
      const span = firstSpan(expectTheSdkBody([aSpan({ attributes: attributes as never })]));
      const values = Object.fromEntries(
        (span.attributes as { key: string; value: unknown }[]).map(({ key, value }) => [
          key,
          value,
        ]),
      );
      expect(values).toMatchObject({
        int: { intValue: -9223372036854776000 },
        nan: { doubleValue: null },
        infinity: { doubleValue: null },
        bytes: { bytesValue: 'AAEC+v8=' },
        emptyBytes: { bytesValue: '' },
        bytesView: { bytesValue: Buffer.from('payload').toString('base64') },
        holes: { arrayValue: { values: [{ intValue: 1 }, {}, { intValue: 3 }] } },
        none: {},
        null: {},
        bigint: {},
        symbol: {},
        function: {},
        date: { kvlistValue: { values: [] } },
        typed: {
          kvlistValue: {
            values: [
              { key: '0', value: { intValue: 1 } },
              { key: '1', value: { intValue: -1 } },
            ],
          },
        },
      });
    });

    it('should write non-ASCII text, escapes and lone surrogates as JSON.stringify does', () => {
      const strings = [
        'grüße 日本 🎉',
        'quote " backslash \\ slash /',
        'controls \u0000 \u0001 \b \f \n \r \t \u001f \u007f',
        'lone \ud800 high, lone \udfff low, reversed \udc00\ud800',
        '\ud83d',
        'a'.repeat(70_000),
        'ü'.repeat(70_000),
      ];
      for (const text of strings) {
        const span = firstSpan(
          expectTheSdkBody([aSpan({ name: text, attributes: { [text]: text } })]),
        );
        // JSON.parse gives back every code unit, lone surrogates too (written as \\udxxx).
        expect(span.name).toBe(text);
      }
    });

    it('should grow past its first buffer and keep writing correct requests after', () => {
      for (const size of [600_000, 9 * 1024 * 1024]) {
        expectTheSdkBody([aSpan({ attributes: { blob: 'x'.repeat(size) } }), aSpan()]);
      }
      expectTheSdkBody([aSpan({ name: 'small' })]);
    });

    it('should write timestamps as the SDK does beyond whole positive seconds', () => {
      for (const time of [
        [0, 0],
        [0, 5],
        [1, 0],
        [1, 1_500_000_000],
        [-1, 5],
        [1.7, 0.9],
        [2 ** 60, 1],
      ] as const) {
        expectTheSdkBody([aSpan({ startTime: [time[0], time[1]] })]);
      }
    });

    it('should group spans by resource object and by scope name, version and schema URL, as the SDK does', () => {
      const resource = resourceFromAttributes({ 'service.name': 'a' });
      const sameResource = resourceFromAttributes({ 'service.name': 'a' });
      const scope = { name: 's', version: '1', attributes: { first: true } };
      const sameScope = { name: 's', version: '1', attributes: { second: true } };
      const other = { name: 's', version: '2' };
      const request = expectTheSdkBody([
        aSpan({ name: '1', resource, instrumentationScope: scope }),
        aSpan({ name: '2', resource, instrumentationScope: other }),
        aSpan({ name: '3', resource, instrumentationScope: sameScope }),
        aSpan({ name: '4', resource: sameResource, instrumentationScope: scope }),
      ]);
      const names = request.resourceSpans.map(
        (resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }) =>
          resourceSpans.scopeSpans.map((scopeSpans) => scopeSpans.spans.map((span) => span.name)),
      );
      expect(names).toEqual([[['1', '3'], ['2']], [['4']]]);
      expect(request.resourceSpans[0].scopeSpans[0].scope).toEqual({
        name: 's',
        version: '1',
        attributes: [{ key: 'first', value: { boolValue: true } }],
        droppedAttributesCount: 0,
      });
    });

    it('should write values of the wrong type where the SDK serializer writes them', () => {
      const context = { traceId: 42 as never, spanId: 'b'.repeat(16), traceFlags: 1 };
      const spans = [
        aSpan({ name: 7 as never, spanContext: () => context }),
        aSpan({ name: null as never, kind: '2' as never }),
        aSpan({ name: undefined as never, status: {} as never }),
        aSpan({ links: [{ context: {} as SpanContext }] }),
        aSpan({ events: [{ name: null as never, time: [1, 2] }] }),
        aSpan({ instrumentationScope: { name: undefined as never, schemaUrl: '' } }),
        aSpan({ droppedAttributesCount: undefined as never }),
      ];
      for (const span of spans) expectTheSdkBody([span]);
    });

    it('should throw for a span the SDK serializer cannot encode either, and encode the next batch whole', () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const bad = [
        aSpan({ attributes: { circular } as never }),
        aSpan({ links: [null as never] }),
        aSpan({ links: [5 as never] }),
        aSpan({ events: [null as never] }),
        aSpan({ attributes: undefined as never }),
        aSpan({ startTime: undefined as never }),
        aSpan({ endTime: [Number.NaN, 0] }),
        aSpan({ name: 10n as never }),
        aSpan({ status: { code: 10n as never } }),
      ];
      for (const span of bad) {
        expect(sdkBody([span])).toBeInstanceOf(Error);
        expect(() => jsonSpanSerializer.serializeRequest([aSpan(), span])).toThrow();
      }
      expectTheSdkBody([aSpan({ name: 'good' })]);
    });
  });

  describe('deserializeResponse', () => {
    it('should read a partial success as the SDK does', () => {
      const response = new TextEncoder().encode(
        JSON.stringify({ partialSuccess: { rejectedSpans: 3, errorMessage: 'bad ids' } }),
      );
      expect(jsonSpanSerializer.deserializeResponse(response)).toEqual(
        JsonTraceSerializer.deserializeResponse(response),
      );
      expect(jsonSpanSerializer.deserializeResponse(response)).toEqual({
        partialSuccess: { rejectedSpans: 3, errorMessage: 'bad ids' },
      });
    });
  });
});
