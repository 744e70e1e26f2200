// The direct OTLP/JSON decoder against the path it replaced (hex ids to bytes, then protobufjs'
// fromObject/toObject round trip, then flattening): the same records for every request, the same
// error for every request it rejected.
import fc from 'fast-check';
import type { DecodedExport } from '../../../src/internal/decoded-export.js';
import { decodeOtlpJson } from '../../../src/internal/otlp-json/decode-otlp-json.js';
import { SIGNALS, type Signal } from '../../../src/proto.js';
import { pathsOf, replaceAt, requestArbitraries } from '../../helpers/otlp-json-arbitraries.js';
import { referenceJsonRecords } from '../../helpers/reference-otlp-json.js';

type Outcome = { records: DecodedExport } | { error: string };

/**
 * The decoder's own errors name the package first, as every error the packages throw does; after
 * it comes the text protobufjs threw before (the hex id error always had the prefix).
 */
const OWN_ERROR = /^@proc\/telemetry-testing: (?=\.opentelemetry\.proto\.|maximum nesting depth)/;

function outcome(decode: () => DecodedExport): Outcome {
  try {
    return { records: decode() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.replace(OWN_ERROR, '') };
  }
}

/** Decodes `body` both ways. */
function bothWays(kind: Signal['kind'], body: Uint8Array | string) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return {
    actual: outcome(() => decodeOtlpJson(SIGNALS[kind], bytes)),
    expected: outcome(() => referenceJsonRecords(kind, bytes)),
  };
}

/** Both ways must agree exactly: classes, bigints, `undefined`s and error messages included. */
function expectSameDecoding(kind: Signal['kind'], body: Uint8Array | string): Outcome {
  const { actual, expected } = bothWays(kind, body);
  expect(actual).toStrictEqual(expected);
  return actual;
}

/** The records of an outcome that must have succeeded. */
function recordsOf(result: Outcome): DecodedExport {
  if ('error' in result) throw new Error(`expected records, got "${result.error}"`);
  return result.records;
}

const valid = requestArbitraries({ faults: false });
const faulty = requestArbitraries({ faults: true });
const KINDS: Signal['kind'][] = ['traces', 'metrics', 'logs'];

describe('decodeOtlpJson', () => {
  describe.each(KINDS)('%s requests', (kind) => {
    it('should decode every request the old path accepted into the same records', () => {
      fc.assert(
        fc.property(valid[kind], (json) => {
          expect(expectSameDecoding(kind, JSON.stringify(json))).toHaveProperty('records');
        }),
        { numRuns: 500 },
      );
    });

    it('should accept or reject like the old path, with its message, when one value is replaced', () => {
      const mutated = valid[kind].chain((json) => {
        const paths = pathsOf(json).slice(1);
        if (paths.length === 0) return fc.constant(json);
        return fc
          .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }))
          .map(([path, value]) => replaceAt(json, path, value));
      });
      fc.assert(
        fc.property(mutated, (json) => {
          expectSameDecoding(kind, JSON.stringify(json));
        }),
        { numRuns: 1000 },
      );
    });

    it('should reject what the old path rejected when a request has several faults', () => {
      // With two faults the old path named the hex id first (it converted ids before anything
      // else); the direct decoder names the first fault in field order. Both answer 400.
      fc.assert(
        fc.property(faulty[kind], (json) => {
          const { actual, expected } = bothWays(kind, JSON.stringify(json));
          if ('records' in expected) expect(actual).toStrictEqual(expected);
          else expect(actual).toHaveProperty('error');
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('edge cases', () => {
    const TRACE_ID = '5b8efff798038103d269b633813fc60c';
    const SPAN_ID = 'eee19b7ec3c1b174';
    const traces = (span: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        resourceSpans: [
          { scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, ...span }] }] },
        ],
        ...extra,
      });

    it.each(KINDS)('should decode an empty %s request, and empty lists, to no records', (kind) => {
      for (const body of ['{}', '{"resourceSpans":[],"resourceMetrics":[],"resourceLogs":[]}']) {
        expect(expectSameDecoding(kind, body)).toHaveProperty('records');
      }
      expectSameDecoding(kind, '{"resourceSpans":[{}],"resourceMetrics":[{}],"resourceLogs":[{}]}');
      expectSameDecoding(
        kind,
        '{"resourceSpans":[{"scopeSpans":[{}]}],"resourceMetrics":[{"scopeMetrics":[{"metrics":[{}]}]}],"resourceLogs":[{"scopeLogs":[{"logRecords":[{}]}]}]}',
      );
    });

    it('should read int64 as strings or numbers, -0 and the unsafe range included', () => {
      const attributes = [
        { key: 'string', value: { intValue: '42' } },
        { key: 'number', value: { intValue: 42 } },
        { key: 'unsafe', value: { intValue: '9007199254740993' } },
        { key: 'negative', value: { intValue: '-9223372036854775808' } },
        { key: 'wraps', value: { intValue: '9223372036854775808' } },
      ];
      const records = recordsOf(
        expectSameDecoding(
          'traces',
          traces({ attributes, startTimeUnixNano: '18446744073709551615', endTimeUnixNano: 1e18 }),
        ),
      );
      expect(records).toHaveProperty('spans.length', 1);
      expect(records.kind === 'traces' && records.spans[0]).toMatchObject({
        attributes: {
          string: 42,
          number: 42,
          unsafe: 9007199254740993n,
          negative: -9223372036854775808n,
          wraps: -9223372036854775808n,
        },
        startTimeUnixNano: 18446744073709551615n,
        endTimeUnixNano: 1_000_000_000_000_000_000n,
      });
      // JSON.stringify never writes -0; a hand-written body can.
      expectSameDecoding(
        'traces',
        `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","startTimeUnixNano":-0,"attributes":[{"key":"z","value":{"intValue":-0}}]}]}]}]}`,
      );
      expectSameDecoding(
        'metrics',
        '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"histogram":{"dataPoints":[{"count":-0,"bucketCounts":[-0,"-0"],"sum":-0}]}}]}]}]}',
      );
    });

    it('should read enums as numbers or names', () => {
      for (const kind of [2, 'SPAN_KIND_SERVER', 'SERVER', 9]) {
        for (const code of [2, 'STATUS_CODE_ERROR', 'ERROR']) {
          expectSameDecoding('traces', traces({ kind, status: { code, message: 'm' } }));
        }
      }
    });

    it('should answer a bad hex id with the message the receiver has always given', () => {
      const cases: [Signal['kind'], string, string][] = [
        ['traces', traces({ spanId: 'not-hex' }), 'spanId "not-hex"'],
        ['traces', traces({ parentSpanId: 'abc' }), 'parentSpanId "abc"'],
        ['traces', traces({ links: [{ traceId: 'zz', spanId: SPAN_ID }] }), 'traceId "zz"'],
        [
          'metrics',
          '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"gauge":{"dataPoints":[{"asInt":"1","exemplars":[{"spanId":"x1"}]}]}}]}]}]}',
          'spanId "x1"',
        ],
        [
          'logs',
          '{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"0g"}]}]}]}',
          'traceId "0g"',
        ],
      ];
      for (const [kind, body, what] of cases) {
        expect(expectSameDecoding(kind, body)).toStrictEqual({
          error: `@proc/telemetry-testing: ${what} is not a hex string`,
        });
      }
    });

    it('should reject spans with missing, short or all-zero ids as before', () => {
      for (const ids of [
        { traceId: undefined },
        { spanId: 'abcd' },
        { traceId: '0'.repeat(32), spanId: '0'.repeat(16) },
      ]) {
        expect(recordsOf(expectSameDecoding('traces', traces(ids)))).toMatchObject({
          rejected: 1,
          error: expect.stringMatching(/invalid trace id/),
        });
      }
    });

    it("should fail a request nested past protobufjs' depth limit with its error", () => {
      let value: Record<string, unknown> = { stringValue: 'leaf' };
      for (let i = 0; i < 60; i++) value = { arrayValue: { values: [value] } };
      const body = traces({ attributes: [{ key: 'deep', value }] });
      expect(expectSameDecoding('traces', body)).toStrictEqual({
        error: 'maximum nesting depth exceeded',
      });
      expect(() => decodeOtlpJson(SIGNALS.traces, Buffer.from(body))).toThrow(
        '@proc/telemetry-testing: maximum nesting depth exceeded',
      );
    });

    it('should fail fields it does not report as the old path did when they cannot convert', () => {
      const bad = { toString: 1, valueOf: 1 };
      expectSameDecoding('traces', traces({ droppedAttributesCount: bad }));
      expectSameDecoding('traces', traces({ traceId: { length: bad } }));
      expect(
        expectSameDecoding(
          'logs',
          JSON.stringify({
            resourceLogs: [{ schemaUrl: bad, resource: { droppedAttributesCount: bad } }],
          }),
        ),
      ).toStrictEqual({ error: 'Cannot convert object to primitive value' });
    });

    it('should fail bodies that are not a JSON object', () => {
      for (const body of ['', 'nul', '[]', '"x"', '3', 'null']) expectSameDecoding('logs', body);
    });

    it('should ignore ids in fields OTLP does not define, which the old path failed on', () => {
      // The old path converted every traceId/spanId/parentSpanId it found, known field or not;
      // protobuf ignores unknown fields, and so does the direct decoder.
      const body = traces({}, { unknown: { traceId: 'not-hex' } });
      expect(bothWays('traces', body).expected).toHaveProperty('error');
      expect(bothWays('traces', body).actual).toHaveProperty('records.spans.length', 1);
    });
  });
});
