import { context, ValueType } from '@opentelemetry/api';
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { AggregationType, DataPointType, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { installTestDiagLogger, type TestDiagLogger } from '@proc/telemetry-testing';
import { createMetricsRecorder } from '../../../src/index.js';
import {
  createJsonExemplarSerializer,
  createProtobufExemplarSerializer,
  withExemplars,
} from '../../../src/internal/exemplars/exemplar-metrics-serializers.js';
import { decodeFields, double, fixed64, hex, messages } from '../../helpers/decode-protobuf.js';
import {
  createTestExemplarProvider,
  type TestExemplarProvider,
} from '../../helpers/test-exemplar-provider.js';
import { enableTestContext, SAMPLED, withSpanContext } from '../../helpers/test-span-context.js';

// Every data point type the SDK produces: sums (double and int), gauges, explicit and
// exponential histograms, recorded partly inside a sampled span.
function recordEverything({ meter }: TestExemplarProvider): void {
  const recorder = createMetricsRecorder({ meter, commonAttributes: { svc: 'orders' } });
  const ints = meter.createCounter('c.int', { valueType: ValueType.INT });
  const exponential = meter.createHistogram('h.exp');
  recorder.recordCounter('c', 2, { p: '1' });
  recorder.recordHistogram('h', 0.25);
  recorder.recordGauge('g', 7);
  recorder.recordUpDown('u', -3);
  ints.add(4, { k: 'v' });
  exponential.record(12, { k: 'v' });
  withSpanContext(SAMPLED, () => {
    recorder.recordCounter('c', 3, { p: '1' });
    recorder.recordHistogram('h', 0.5);
    recorder.recordHistogram('h', 0.1);
    ints.add(5, { k: 'v' });
    exponential.record(3, { k: 'v' });
  });
}

const VIEWS = [
  { instrumentName: 'h.exp', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } },
];

/** The Metric field of each point type, and the exemplars field of its point message. */
const DATA_FIELDS: Record<number, number> = { 5: 5, 7: 5, 9: 8, 10: 11 };

/** `metric name → exemplars` of each point, read back from the protobuf bytes. */
function protobufExemplars(bytes: Uint8Array) {
  const found: Record<
    string,
    { value: number | bigint; time: bigint; traceId: string; spanId: string }[]
  > = {};
  for (const rm of messages(bytes, 1)) {
    for (const sm of messages(rm, 2)) {
      for (const metric of messages(sm, 2)) {
        const fields = decodeFields(metric);
        const name = Buffer.from((fields[0] as { bytes: Uint8Array }).bytes).toString();
        const data = fields.find((f) => f.field in DATA_FIELDS) as
          | { field: number; bytes: Uint8Array }
          | undefined;
        if (data === undefined) continue;
        for (const point of messages(data.bytes, 1)) {
          for (const exemplar of messages(point, DATA_FIELDS[data.field] as number)) {
            const e = decodeFields(exemplar);
            const get = (n: number) =>
              (e.find((f) => f.field === n) as { bytes: Uint8Array } | undefined)?.bytes;
            const asInt = get(6);
            found[name] = found[name] ?? [];
            found[name].push({
              time: fixed64(get(2) as Uint8Array),
              value: asInt === undefined ? double(get(3) as Uint8Array) : fixed64(asInt),
              spanId: hex(get(4) as Uint8Array),
              traceId: hex(get(5) as Uint8Array),
            });
          }
        }
      }
    }
  }
  return found;
}

describe('exemplar metrics serializers', () => {
  let setup: TestExemplarProvider;
  let resourceMetrics: ResourceMetrics;

  beforeEach(async () => {
    enableTestContext();
    setup = createTestExemplarProvider({ views: VIEWS });
    recordEverything(setup);
    resourceMetrics = await setup.collect();
  });

  afterEach(async () => {
    await setup.provider.shutdown();
    context.disable();
  });

  describe('createProtobufExemplarSerializer', () => {
    it('should write exactly the bytes of otlp-transformer when there are no exemplars (the upgrade gate)', () => {
      const types = resourceMetrics.scopeMetrics[0]?.metrics.map((m) => m.dataPointType);
      expect(new Set(types)).toEqual(
        new Set([
          DataPointType.SUM,
          DataPointType.GAUGE,
          DataPointType.HISTOGRAM,
          DataPointType.EXPONENTIAL_HISTOGRAM,
        ]),
      );
      setup.store.take();
      const ours = createProtobufExemplarSerializer(setup.store).serializeRequest(resourceMetrics);
      expect(ours).toEqual(ProtobufMetricsSerializer.serializeRequest(resourceMetrics));
    });

    it('should write the exemplars on the points of every type, int values as as_int', () => {
      const bytes = createProtobufExemplarSerializer(setup.store).serializeRequest(resourceMetrics);
      const ids = { traceId: SAMPLED.traceId, spanId: SAMPLED.spanId, time: expect.any(BigInt) };
      expect(protobufExemplars(bytes ?? new Uint8Array())).toEqual({
        c: [{ value: 3, ...ids }],
        'c.int': [{ value: 5n, ...ids }],
        h: [
          { value: 0.5, ...ids },
          { value: 0.1, ...ids },
        ],
        'h.exp': [{ value: 3, ...ids }],
      });
    });

    it('should write the same exemplars when the same collection is serialized again (a retry)', () => {
      const serializer = createProtobufExemplarSerializer(setup.store);
      const first = serializer.serializeRequest(resourceMetrics);
      expect(serializer.serializeRequest(resourceMetrics)).toEqual(first);
    });

    it('should deserialize responses as otlp-transformer does', () => {
      const empty = new Uint8Array();
      expect(createProtobufExemplarSerializer(setup.store).deserializeResponse(empty)).toEqual(
        ProtobufMetricsSerializer.deserializeResponse(empty),
      );
    });
  });

  describe('createJsonExemplarSerializer', () => {
    const parse = (bytes: Uint8Array | undefined) =>
      JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array()));

    it('should write what otlp-transformer writes, plus exemplars with hex ids', () => {
      const ours = parse(
        createJsonExemplarSerializer(setup.store).serializeRequest(resourceMetrics),
      );
      const sdk = parse(JsonMetricsSerializer.serializeRequest(resourceMetrics));
      const metrics = ours.resourceMetrics[0].scopeMetrics[0].metrics;
      const points = (name: string) => {
        const metric = metrics.find((m: { name: string }) => m.name === name);
        return (metric.sum ?? metric.histogram ?? metric.exponentialHistogram).dataPoints;
      };
      const exemplar = (value: number, valueField = 'asDouble') => ({
        filteredAttributes: [],
        timeUnixNano: expect.stringMatching(/^\d{19}$/),
        [valueField]: value,
        traceId: SAMPLED.traceId,
        spanId: SAMPLED.spanId,
      });
      expect(points('c')[0].exemplars).toEqual([exemplar(3)]);
      expect(points('c.int')[0].exemplars).toEqual([exemplar(5, 'asInt')]);
      expect(points('h')[0].exemplars).toEqual([exemplar(0.5), exemplar(0.1)]);
      expect(points('h.exp')[0].exemplars).toEqual([exemplar(3)]);

      for (const metric of metrics) {
        for (const point of (
          metric.sum ??
          metric.histogram ??
          metric.gauge ??
          metric.exponentialHistogram
        ).dataPoints) {
          delete point.exemplars;
        }
      }
      expect(ours).toEqual(sdk);
    });

    it('should write exactly the bytes of otlp-transformer when there are no exemplars (the upgrade gate)', () => {
      setup.store.take();
      const ours = createJsonExemplarSerializer(setup.store).serializeRequest(resourceMetrics);
      expect(ours).toEqual(JsonMetricsSerializer.serializeRequest(resourceMetrics));
    });
  });

  describe('withExemplars', () => {
    let logger: TestDiagLogger;

    beforeEach(() => {
      logger = installTestDiagLogger();
    });

    afterEach(() => logger.uninstall());

    it("should send the serializer's bytes without exemplars, warning once, when they cannot be added", () => {
      const serializer = withExemplars(
        ProtobufMetricsSerializer,
        () => {
          throw new Error('not the expected layout');
        },
        setup.store,
      );
      expect(serializer.serializeRequest(resourceMetrics)).toEqual(
        ProtobufMetricsSerializer.serializeRequest(resourceMetrics),
      );
      serializer.serializeRequest(resourceMetrics);
      expect(logger.texts('warn')).toEqual([
        expect.stringContaining('exemplars left out, the serializer output is not as expected'),
      ]);
    });
  });
});
