import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  createDeliveryQueue,
  createExportSelfMetrics,
  type DeliveryOutcome,
} from '../src/index.js';

/** A reader collected by the test only. */
class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override onForceFlush() {
    return Promise.resolve();
  }
  protected override onShutdown() {
    return Promise.resolve();
  }
}

/** Every point collected, as `name{error.type}` → value (histograms: their count). */
async function collect(reader: TestReader) {
  const { resourceMetrics } = await reader.collect();
  const points = new Map<string, { value: number; attributes: Record<string, unknown> }>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      for (const point of metric.dataPoints) {
        const errorType = point.attributes['error.type'];
        const key = `${metric.descriptor.name}${errorType === undefined ? '' : `{${errorType}}`}`;
        const value =
          typeof point.value === 'number' ? point.value : (point.value as { count: number }).count;
        points.set(key, { value, attributes: point.attributes });
      }
    }
  }
  return points;
}

describe('createExportSelfMetrics', () => {
  it('should observe the processor and exporter of spans per the SDK-metric conventions', async () => {
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    const answers: Array<(outcome: DeliveryOutcome) => void> = [];
    let queueRef: ReturnType<typeof createDeliveryQueue<string>> | undefined;
    const self = createExportSelfMetrics({
      meterProvider,
      signal: 'traces',
      protocol: 'grpc',
      queueCapacity: 10,
      read: () => (queueRef ? { stats: queueRef.stats(), alreadyShutdown: 2 } : undefined),
    });
    const queue = createDeliveryQueue<string>({
      signal: 'traces',
      deliver: () => new Promise((resolve) => answers.push(resolve)),
      maxQueuedItems: 10,
      onExportConcluded: (items, ms, failure) => self.onExportConcluded(items, ms, failure),
    });
    queueRef = queue;
    queue.enqueue('delivered', 3);
    queue.enqueue('waiting', 4);
    queue.enqueue('refused', 7); // 4 waiting + 7 > 10
    answers.shift()?.({ status: 'delivered' });
    await new Promise((resolve) => setImmediate(resolve));

    const points = await collect(reader);
    expect(points.get('otel.sdk.processor.span.queue.capacity')?.value).toBe(10);
    expect(points.get('otel.sdk.processor.span.queue.size')?.value).toBe(0);
    expect(points.get('otel.sdk.processor.span.processed')?.value).toBe(7);
    expect(points.get('otel.sdk.processor.span.processed{queue_full}')?.value).toBe(7);
    expect(points.get('otel.sdk.processor.span.processed{already_shutdown}')?.value).toBe(2);
    expect(points.get('otel.sdk.exporter.span.inflight')?.value).toBe(4);
    expect(points.get('otel.sdk.exporter.span.exported')?.value).toBe(3);
    expect(points.get('otel.sdk.exporter.operation.duration')?.value).toBe(1);
    expect(points.get('otel.sdk.exporter.span.exported')?.attributes).toEqual({
      'otel.component.type': 'otlp_grpc_span_exporter',
      'otel.component.name': expect.stringMatching(/^otlp_grpc_span_exporter\/\d+$/),
    });

    answers.shift()?.({ status: 'failed', error: new Error('400') });
    await new Promise((resolve) => setImmediate(resolve));
    const after = await collect(reader);
    expect(after.get('otel.sdk.exporter.span.exported{rejected}')?.value).toBe(4);
    expect(after.get('otel.sdk.exporter.operation.duration{rejected}')?.value).toBe(1);
    expect(after.get('otel.sdk.exporter.span.inflight')?.value).toBe(0);
    await meterProvider.shutdown();
  });

  it('should observe a byte-bounded queue: its capacity in the items that fit, its drops as queue_full', async () => {
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    let queueRef: ReturnType<typeof createDeliveryQueue<string>> | undefined;
    createExportSelfMetrics({
      meterProvider,
      signal: 'logs',
      protocol: 'http/protobuf',
      queueCapacity: 2048,
      queueCapacityBytes: 100,
      read: () => (queueRef ? { stats: queueRef.stats() } : undefined),
    });
    const queue = createDeliveryQueue<string>({
      signal: 'logs',
      deliver: () => new Promise<DeliveryOutcome>(() => undefined),
      maxQueuedBytes: 100,
      sizeOf: (payload) => payload.length,
    });
    queueRef = queue;
    // Before anything was accepted the bytes per item are unknown: the count is reported.
    expect((await collect(reader)).get('otel.sdk.processor.log.queue.capacity')?.value).toBe(2048);
    queue.enqueue('x'.repeat(40), 10); // 4 bytes a record, in flight
    queue.enqueue('x'.repeat(80), 20); // waiting
    queue.enqueue('x'.repeat(40), 10); // 80 + 40 > 100: dropped
    const points = await collect(reader);
    expect(points.get('otel.sdk.processor.log.queue.capacity')?.value).toBe(25); // 100 / 4
    expect(points.get('otel.sdk.processor.log.queue.size')?.value).toBe(20);
    expect(points.get('otel.sdk.processor.log.processed{queue_full}')?.value).toBe(10);
    await meterProvider.shutdown();
  });

  it('should record no processor metrics for metric data points', async () => {
    const reader = new TestReader();
    const meterProvider = new MeterProvider({ readers: [reader] });
    createExportSelfMetrics({
      meterProvider,
      signal: 'metrics',
      protocol: 'http/json',
      read: () => ({
        stats: {
          accepted: 2,
          delivered: 2,
          failed: 0,
          dropped: 0,
          queued: 0,
          acceptedBytes: 0,
          queuedBytes: 0,
          peakQueuedBytes: 0,
          inFlight: 0,
          peakInFlight: 1,
          started: 2,
          exporting: 0,
          failedBy: { rejected: 0, retries_exhausted: 0, timeout: 0, shutdown: 0 },
        },
      }),
    });
    const points = await collect(reader);
    expect([...points.keys()].sort()).toEqual([
      'otel.sdk.exporter.metric_data_point.exported',
      'otel.sdk.exporter.metric_data_point.inflight',
    ]);
    expect(points.get('otel.sdk.exporter.metric_data_point.exported')?.attributes).toMatchObject({
      'otel.component.type': 'otlp_http_json_metric_exporter',
    });
    await meterProvider.shutdown();
  });
});
