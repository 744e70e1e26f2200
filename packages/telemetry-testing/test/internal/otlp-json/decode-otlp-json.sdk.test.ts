// The direct OTLP/JSON decoder and the protobuf flattening on what the SDK's own serializers
// write (the bodies @opentelemetry/exporter-*-otlp-http and -otlp-proto send), against the paths
// they replaced.
import {
  type Attributes,
  ROOT_CONTEXT,
  type SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  AggregationType,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { flattenRequest } from '../../../src/internal/ingest.js';
import { decodeOtlpJson } from '../../../src/internal/otlp-json/decode-otlp-json.js';
import { decodeProtobufMessage, SIGNALS, type Signal } from '../../../src/proto.js';
import {
  referenceJsonRecords,
  referenceProtobufRecords,
} from '../../helpers/reference-otlp-json.js';

const resource = resourceFromAttributes({ 'service.name': 'sdk-json', 'host.id': 7 });

const attributeValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const attributes: fc.Arbitrary<Attributes> = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  attributeValue,
  { maxKeys: 5 },
);

/** Both encodings of the same data, each decoded the new way and the old way. */
function expectSameRecords(
  kind: Signal['kind'],
  json: Uint8Array | undefined,
  protobuf: Uint8Array | undefined,
) {
  if (json === undefined || protobuf === undefined)
    throw new Error('a serializer returned nothing');
  const actual = decodeOtlpJson(SIGNALS[kind], json);
  expect(actual).toStrictEqual(referenceJsonRecords(kind, json));
  const fromProtobuf = flattenRequest(
    SIGNALS[kind],
    decodeProtobufMessage(SIGNALS[kind], protobuf),
    'grpc',
  );
  expect(fromProtobuf).toStrictEqual(referenceProtobufRecords(kind, protobuf, 'grpc'));
  return actual;
}

describe('decodeOtlpJson', () => {
  describe('on JsonTraceSerializer bodies', () => {
    it('should decode SDK spans, JSON and protobuf, into the same records as the old paths', () => {
      const spanArb = fc.record({
        name: fc.string({ maxLength: 10 }),
        kind: fc.constantFrom(...[0, 1, 2, 3, 4].map((k) => k as SpanKind)),
        attributes,
        events: fc.array(fc.tuple(fc.string({ maxLength: 5 }), attributes), { maxLength: 2 }),
        status: fc.constantFrom(SpanStatusCode.UNSET, SpanStatusCode.OK, SpanStatusCode.ERROR),
        message: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        child: fc.boolean(),
      });
      fc.assert(
        fc.property(fc.array(spanArb, { minLength: 1, maxLength: 6 }), (specs) => {
          const exporter = new InMemorySpanExporter();
          const provider = new BasicTracerProvider({
            resource,
            spanProcessors: [new SimpleSpanProcessor(exporter)],
          });
          const tracer = provider.getTracer('sdk-json', '1.2.3');
          for (const spec of specs) {
            tracer.startActiveSpan('parent', (parent) => {
              const span = tracer.startSpan(spec.name, {
                kind: spec.kind,
                attributes: spec.attributes,
                links: [{ context: parent.spanContext(), attributes: { why: 'link' } }],
              });
              for (const [name, eventAttributes] of spec.events)
                span.addEvent(name, eventAttributes);
              span.setStatus({ code: spec.status, message: spec.message });
              span.end();
              parent.end();
            });
          }
          const spans = exporter.getFinishedSpans();
          const decoded = expectSameRecords(
            'traces',
            JsonTraceSerializer.serializeRequest(spans),
            ProtobufTraceSerializer.serializeRequest(spans),
          );
          expect(decoded).toMatchObject({ kind: 'traces', rejected: 0 });
          expect(decoded.kind === 'traces' && decoded.spans).toHaveLength(spans.length);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('on JsonMetricsSerializer bodies', () => {
    it('should decode every SDK metric type, JSON and protobuf, into the same records as the old paths', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(attributes, fc.integer({ min: 0, max: 1000 })), {
            minLength: 1,
            maxLength: 5,
          }),
          async (recordings) => {
            const reader = new PeriodicExportingMetricReader({
              exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
              exportIntervalMillis: 3_600_000,
            });
            const provider = new MeterProvider({
              resource,
              readers: [reader],
              views: [
                {
                  instrumentName: 'sdk.exponential',
                  aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM },
                },
              ],
            });
            const meter = provider.getMeter('sdk-json', '1.2.3');
            const counter = meter.createCounter('sdk.counter');
            const upDown = meter.createUpDownCounter('sdk.updown');
            const histogram = meter.createHistogram('sdk.histogram', { unit: 'ms' });
            const exponential = meter.createHistogram('sdk.exponential');
            const gauge = meter.createGauge('sdk.gauge');
            for (const [recordingAttributes, value] of recordings) {
              counter.add(value, recordingAttributes);
              upDown.add(-value, recordingAttributes);
              histogram.record(value / 7, recordingAttributes);
              exponential.record(value, recordingAttributes);
              gauge.record(value, recordingAttributes);
            }
            const { resourceMetrics } = await reader.collect();
            await provider.shutdown();
            const decoded = expectSameRecords(
              'metrics',
              JsonMetricsSerializer.serializeRequest(resourceMetrics),
              ProtobufMetricsSerializer.serializeRequest(resourceMetrics),
            );
            expect(decoded.kind === 'metrics' && decoded.points.length).toBeGreaterThanOrEqual(5);
          },
        ),
        { numRuns: 40 },
      );
    });
  });

  describe('on JsonLogsSerializer bodies', () => {
    it('should decode SDK log records, JSON and protobuf, into the same records as the old paths', async () => {
      const recordArb = fc.record({
        body: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(undefined)),
        severityNumber: fc.constantFrom(SeverityNumber.INFO, SeverityNumber.ERROR, undefined),
        severityText: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        eventName: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        attributes,
        traced: fc.boolean(),
      });
      const spanContext = {
        traceId: '5b8efff798038103d269b633813fc60c',
        spanId: 'eee19b7ec3c1b174',
        traceFlags: 1,
      };
      await fc.assert(
        fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 5 }), async (specs) => {
          const exporter = new InMemoryLogRecordExporter();
          const provider = new LoggerProvider({
            resource,
            processors: [new SimpleLogRecordProcessor({ exporter })],
          });
          const logger = provider.getLogger('sdk-json', '1.2.3');
          for (const { traced, ...spec } of specs) {
            const context = traced ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
            logger.emit({ ...spec, context });
          }
          await provider.forceFlush();
          const records = exporter.getFinishedLogRecords();
          const decoded = expectSameRecords(
            'logs',
            JsonLogsSerializer.serializeRequest(records),
            ProtobufLogsSerializer.serializeRequest(records),
          );
          expect(decoded.kind === 'logs' && decoded.records).toHaveLength(specs.length);
        }),
        { numRuns: 60 },
      );
    });
  });
});
