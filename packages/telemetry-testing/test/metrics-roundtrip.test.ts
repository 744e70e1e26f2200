// Round trip: the real OTLP metric exporters send to the receiver; names, types, temporality,
// attributes, values and histogram buckets come out as the SDK collected them.
import { ValueType } from '@opentelemetry/api';
import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter as JsonMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  AggregationType,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { type OtlpReceiver, type ReceivedMetricPoint, startOtlpReceiver } from '../src/index.js';
import { type ExporterProtocol, hrToNanos, PROTOCOLS } from './helpers/otlp.js';

function metricExporter(
  protocol: ExporterProtocol,
  receiver: OtlpReceiver,
  options: { gzip?: boolean; delta?: boolean } = {},
): PushMetricExporter {
  const config = {
    compression: (options.gzip ? 'gzip' : 'none') as never,
    temporalityPreference: options.delta
      ? AggregationTemporalityPreference.DELTA
      : AggregationTemporalityPreference.CUMULATIVE,
  };
  switch (protocol) {
    case 'grpc':
      return new GrpcMetricExporter({ url: receiver.grpcUrl, ...config });
    case 'http/json':
      return new JsonMetricExporter({ url: `${receiver.httpUrl}/v1/metrics`, ...config });
    default:
      return new ProtoMetricExporter({ url: `${receiver.httpUrl}/v1/metrics`, ...config });
  }
}

const TYPE_OF: Record<DataPointType, ReceivedMetricPoint['type']> = {
  [DataPointType.SUM]: 'sum',
  [DataPointType.GAUGE]: 'gauge',
  [DataPointType.HISTOGRAM]: 'histogram',
  [DataPointType.EXPONENTIAL_HISTOGRAM]: 'exponentialHistogram',
};

/** What the receiver should hold for the SDK's own view of the same collection. */
function expectedPoints(metric: MetricData): Partial<ReceivedMetricPoint>[] {
  const type = TYPE_OF[metric.dataPointType];
  return metric.dataPoints.map((p) => {
    const expected: Partial<ReceivedMetricPoint> = {
      name: metric.descriptor.name,
      description: metric.descriptor.description,
      unit: metric.descriptor.unit,
      type,
      attributes: p.attributes,
    };
    if (type !== 'gauge') {
      expected.temporality =
        metric.aggregationTemporality === AggregationTemporality.DELTA ? 'delta' : 'cumulative';
    }
    // An instrument created with ValueType.INT is exported as_int: it must arrive as an int.
    const valueType = metric.descriptor.valueType === ValueType.INT ? 'int' : 'double';
    if (metric.dataPointType === DataPointType.SUM) {
      expected.isMonotonic = metric.isMonotonic;
      expected.value = p.value as number;
      expected.valueType = valueType;
    } else if (metric.dataPointType === DataPointType.GAUGE) {
      expected.value = p.value as number;
      expected.valueType = valueType;
    } else if (metric.dataPointType === DataPointType.HISTOGRAM) {
      const v = p.value as {
        buckets: { boundaries: number[]; counts: number[] };
        count: number;
        sum?: number;
        min?: number;
        max?: number;
      };
      expected.histogram = {
        count: v.count,
        sum: v.sum,
        min: v.min,
        max: v.max,
        bucketCounts: v.buckets.counts,
        explicitBounds: v.buckets.boundaries,
      };
    } else {
      const v = p.value as {
        count: number;
        sum?: number;
        min?: number;
        max?: number;
        scale: number;
        zeroCount: number;
        positive: { offset: number; bucketCounts: number[] };
        negative: { offset: number; bucketCounts: number[] };
      };
      expected.histogram = {
        count: v.count,
        sum: v.sum,
        min: v.min,
        max: v.max,
        scale: v.scale,
        zeroCount: v.zeroCount,
        positive: v.positive,
        negative: v.negative,
        bucketCounts: v.positive.bucketCounts,
        explicitBounds: [],
      };
    }
    return expected;
  });
}

function record(provider: MeterProvider) {
  const meter = provider.getMeter('roundtrip-meter', '2.0.0');
  const requests = meter.createCounter('requests', {
    description: 'requests handled',
    unit: '{request}',
    valueType: ValueType.INT,
  });
  requests.add(3, { route: '/a', ok: true });
  requests.add(4, { route: '/a', ok: true });
  requests.add(1, { route: '/b', ok: false });
  const bytes = meter.createCounter('bytes', { unit: 'By' });
  bytes.add(1.5);
  bytes.add(2.25);
  const queue = meter.createUpDownCounter('queue.depth', { valueType: ValueType.INT });
  queue.add(10, { 'queue.names': ['x', 'y'] });
  queue.add(-4, { 'queue.names': ['x', 'y'] });
  meter.createGauge('temperature', { unit: 'Cel' }).record(21.5, { room: 'kitchen' });
  meter
    .createObservableGauge('heap', { unit: 'By', valueType: ValueType.INT })
    .addCallback((result) => result.observe(1024, { space: 'old' }));
  const latency = meter.createHistogram('latency', {
    unit: 'ms',
    description: 'request latency',
    advice: { explicitBucketBoundaries: [10, 50, 100] },
  });
  for (const value of [5, 20, 70, 200, 8]) latency.record(value, { route: '/a' });
  const sizes = meter.createHistogram('sizes', { unit: 'By' });
  for (const value of [1, 2, 4, 8, 1000]) sizes.record(value);
}

describe.each(PROTOCOLS)('metrics round trip over %s', (protocol) => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => receiver.clear());

  it.each([false, true])('keeps names, types, values and buckets (gzip: %s)', async (gzip) => {
    const memory = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const otlpReader = new PeriodicExportingMetricReader({
      exporter: metricExporter(protocol, receiver, { gzip }),
      exportIntervalMillis: 60_000,
    });
    const memoryReader = new PeriodicExportingMetricReader({
      exporter: memory,
      exportIntervalMillis: 60_000,
    });
    const resource = resourceFromAttributes({ 'service.name': 'metrics-roundtrip', pid: 1234 });
    const provider = new MeterProvider({
      resource,
      readers: [otlpReader, memoryReader],
      views: [
        { instrumentName: 'sizes', aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } },
      ],
    });
    record(provider);
    await otlpReader.forceFlush();
    await memoryReader.forceFlush();
    await receiver.waitForMetric('latency', { timeoutMs: 10_000 });

    const sdkMetrics = memory.getMetrics()[0]!.scopeMetrics[0]!.metrics;
    expect(sdkMetrics.map((m) => m.descriptor.name).sort()).toEqual(
      ['bytes', 'heap', 'latency', 'queue.depth', 'requests', 'sizes', 'temperature'].sort(),
    );
    for (const sdkMetric of sdkMetrics) {
      const received = receiver.metric(sdkMetric.descriptor.name);
      const expected = expectedPoints(sdkMetric);
      expect(received).toHaveLength(expected.length);
      for (const point of expected) {
        const match = received.find(
          (r) => JSON.stringify(r.attributes) === JSON.stringify(point.attributes),
        );
        expect(match).toMatchObject({
          ...point,
          exemplars: [],
          resource: resource.attributes,
          scope: { name: 'roundtrip-meter', version: '2.0.0', attributes: {} },
          protocol,
        });
        // Times: the point's own window, as the SDK stamps it (its reader collects separately).
        const sdkPoint = sdkMetric.dataPoints.find(
          (p) => JSON.stringify(p.attributes) === JSON.stringify(point.attributes),
        )!;
        expect(match!.startTimeUnixNano).toBe(hrToNanos(sdkPoint.startTime));
        expect(match!.timeUnixNano).toBeGreaterThanOrEqual(match!.startTimeUnixNano);
      }
    }

    // The explicit histogram, spelled out.
    expect(receiver.metric('latency')[0]!.histogram).toEqual({
      count: 5,
      sum: 303,
      min: 5,
      max: 200,
      bucketCounts: [2, 1, 1, 1],
      explicitBounds: [10, 50, 100],
    });
    expect(
      receiver
        .metric('requests')
        .map((p) => p.value)
        .sort(),
    ).toEqual([1, 7]);

    // shutdown() exports once more: the same metrics arrive again.
    const exportsBefore = receiver.metricPoints({ name: 'latency' }).length;
    await provider.shutdown();
    expect(receiver.metricPoints({ name: 'latency' }).length).toBe(exportsBefore + 1);
    expect(receiver.metric('latency')[0]!.histogram!.count).toBe(5);
  });

  it('receives delta temporality and successive exports', async () => {
    const reader = new PeriodicExportingMetricReader({
      exporter: metricExporter(protocol, receiver, { delta: true }),
      exportIntervalMillis: 60_000,
    });
    const provider = new MeterProvider({ readers: [reader] });
    const counter = provider.getMeter('delta').createCounter('events');
    counter.add(5);
    await reader.forceFlush();
    await receiver.waitForMetric('events', { predicate: (p) => p[0]?.value === 5 });
    counter.add(2);
    await reader.forceFlush();
    const points = await receiver.waitForMetric('events', {
      predicate: (p) => p[0]?.value === 2,
    });
    expect(points[0]).toMatchObject({ type: 'sum', temporality: 'delta', isMonotonic: true });
    expect(receiver.metricPoints({ name: 'events' }).map((p) => p.value)).toEqual([5, 2]);
    await provider.shutdown();
  });
});
