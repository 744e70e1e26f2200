import { context, diag, metrics, trace, ValueType } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { AlwaysOffSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { ExemplarFilterName } from '@proc/telemetry-config';
import type { OtlpReceiver, ReceivedMetricPoint, ReceiverProtocol } from '@proc/telemetry-testing';
import { startOtlpReceiver } from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  initMeterProvider,
  METRIC_NAMES,
  type MetricsHandle,
} from '../src/index.js';
import type { ExemplarStore } from '../src/internal/exemplars/exemplar-store.js';
import { createOtlpMetricExporter } from '../src/internal/otlp-exporter.js';
import { createTestExemplarProvider } from './helpers/test-exemplar-provider.js';
import { createTestMetricsConfig } from './helpers/test-metrics-config.js';

const PROTOCOLS: ReceiverProtocol[] = ['grpc', 'http/protobuf', 'http/json'];
const COUNTER = METRIC_NAMES.EVENTS_PROCESSED;
const HISTOGRAM = METRIC_NAMES.PROCESSING_DURATION;

const sampledTracer = () => new BasicTracerProvider().getTracer('exemplar-wire-test');
const unsampledTracer = () =>
  new BasicTracerProvider({ sampler: new AlwaysOffSampler() }).getTracer('exemplar-wire-test');

function pointOf(points: ReceivedMetricPoint[], eventType: string): ReceivedMetricPoint {
  const point = points.find((p) => p.attributes['processor.event.type'] === eventType);
  if (point === undefined) throw new Error(`no point with event.type=${eventType}`);
  return point;
}

function exportOnce(exporter: PushMetricExporter, resourceMetrics: ResourceMetrics): Promise<void> {
  return new Promise((resolve, reject) =>
    exporter.export(resourceMetrics, (result) =>
      result.code === ExportResultCode.SUCCESS
        ? resolve()
        : reject(result.error ?? new Error('export failed')),
    ),
  );
}

describe.each(PROTOCOLS)('exemplars over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let handle: MetricsHandle | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(async () => {
    await handle?.shutdown({ timeoutMillis: 5_000 });
    handle = undefined;
    receiver.clear();
    context.disable();
    trace.disable();
    metrics.disable();
    diag.disable();
  });

  const url = () => (protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/metrics`);

  function start(exemplarFilter?: ExemplarFilterName) {
    const config = createTestMetricsConfig({
      exporter: ['otlp'],
      ...(exemplarFilter === undefined ? {} : { exemplarFilter }),
      // Exports happen when the test flushes; the interval never fires during a test.
      exportIntervalMillis: 600_000,
      exportTimeoutMillis: 10_000,
      export: { protocol, endpoint: url(), timeoutMillis: 5_000 },
    });
    handle = initMeterProvider(
      config,
      resourceFromAttributes({ 'service.name': 'exemplar-wire-test' }),
    );
    return createMetricsRecorder({
      meter: handle.getMeter('exemplar-wire-test'),
      commonAttributes: { 'pipeline.name': 'ingest' },
    });
  }

  describe('initMeterProvider', () => {
    it("should attach the active sampled span's trace and span id to counter and histogram points", async () => {
      const recorder = start();
      const ids = sampledTracer().startActiveSpan('process', (span) => {
        recorder.recordHistogram(HISTOGRAM, 0.25, { 'processor.event.type': 'order' });
        recorder.recordHistogram(HISTOGRAM, 0.002, { 'processor.event.type': 'order' });
        recorder.recordCounter(COUNTER, 3, { 'processor.event.type': 'order' });
        span.end();
        return span.spanContext();
      });
      recorder.recordHistogram(HISTOGRAM, 0.5, { 'processor.event.type': 'outside' });
      recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'outside' });
      unsampledTracer().startActiveSpan('dropped', (span) => {
        recorder.recordHistogram(HISTOGRAM, 0.5, { 'processor.event.type': 'unsampled' });
        recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'unsampled' });
        span.end();
      });
      await handle?.forceFlush();

      const spanIds = { traceId: ids.traceId, spanId: ids.spanId, attributes: {} };
      const histograms = await receiver.waitForMetric(HISTOGRAM);
      // The largest value (the latency spike) and the latest one.
      expect(pointOf(histograms, 'order').exemplars).toEqual([
        { ...spanIds, value: 0.25, valueType: 'double', timeUnixNano: expect.any(BigInt) },
        { ...spanIds, value: 0.002, valueType: 'double', timeUnixNano: expect.any(BigInt) },
      ]);
      const counters = await receiver.waitForMetric(COUNTER);
      expect(pointOf(counters, 'order').exemplars).toEqual([
        { ...spanIds, value: 3, valueType: 'double', timeUnixNano: expect.any(BigInt) },
      ]);
      for (const eventType of ['outside', 'unsampled']) {
        expect(pointOf(histograms, eventType).exemplars).toEqual([]);
        expect(pointOf(counters, eventType).exemplars).toEqual([]);
      }
    });

    it('should send each exemplar once: the next export carries only newer ones', async () => {
      const recorder = start();
      const tracer = sampledTracer();
      tracer.startActiveSpan('first', (span) => {
        recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'order' });
        span.end();
      });
      await handle?.forceFlush();
      await receiver.waitForMetric(COUNTER);
      receiver.clear();

      recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'order' });
      await handle?.forceFlush();
      const points = await receiver.waitForMetric(COUNTER);
      expect(pointOf(points, 'order')).toMatchObject({ value: 2, exemplars: [] });
    });

    it("should send one exemplar per counter series, one of the export's measurements with its own span, value and time (SimpleFixedSizeExemplarReservoir)", async () => {
      const recorder = start();
      const tracer = sampledTracer();
      const made = new Map<string, { value: number; start: bigint }>();
      for (let value = 1; value <= 50; value++) {
        const start = BigInt(Date.now() - 1) * 1_000_000n;
        const spanId = tracer.startActiveSpan('process', (span) => {
          recorder.recordCounter(COUNTER, value, { 'processor.event.type': 'order' });
          span.end();
          return span.spanContext().spanId;
        });
        made.set(spanId, { value, start });
      }
      await handle?.forceFlush();

      const point = pointOf(await receiver.waitForMetric(COUNTER), 'order');
      expect(point.value).toBe((50 * 51) / 2);
      expect(point.exemplars).toHaveLength(1);
      const [exemplar] = point.exemplars;
      const measured = made.get(exemplar?.spanId ?? '');
      expect(exemplar?.value).toBe(measured?.value);
      expect(exemplar?.timeUnixNano).toBeGreaterThanOrEqual(measured?.start ?? 0n);
    });

    it('should attach exemplars to counters, histograms and gauges made on handle.getMeter() through the plain Meter API (regression: only MetricsRecorder instruments had any)', async () => {
      start();
      const meter = handle?.getMeter('plain-meter-api') ?? metrics.getMeter('unused');
      const counter = meter.createCounter('plain.counter');
      const histogram = meter.createHistogram('plain.histogram');
      const gauge = meter.createGauge('plain.gauge');
      const ids = sampledTracer().startActiveSpan('process', (span) => {
        counter.add(2, { 'processor.event.type': 'order' });
        histogram.record(0.7, { 'processor.event.type': 'order' });
        gauge.record(11, { 'processor.event.type': 'order' });
        span.end();
        return span.spanContext();
      });
      counter.add(1, { 'processor.event.type': 'outside' });
      await handle?.forceFlush();

      const exemplar = (value: number) => ({
        traceId: ids.traceId,
        spanId: ids.spanId,
        attributes: {},
        value,
        valueType: 'double',
        timeUnixNano: expect.any(BigInt),
      });
      expect(pointOf(await receiver.waitForMetric('plain.counter'), 'order').exemplars).toEqual([
        exemplar(2),
      ]);
      expect(pointOf(await receiver.waitForMetric('plain.counter'), 'outside').exemplars).toEqual(
        [],
      );
      expect(pointOf(await receiver.waitForMetric('plain.histogram'), 'order').exemplars).toEqual([
        exemplar(0.7),
      ]);
      expect(pointOf(await receiver.waitForMetric('plain.gauge'), 'order').exemplars).toEqual([
        exemplar(11),
      ]);
    });

    it('should attach exemplars to instruments of the global metrics.getMeter() once handle.provider is registered', async () => {
      start();
      if (handle === undefined) throw new Error('not started');
      metrics.setGlobalMeterProvider(handle.provider);
      const counter = metrics.getMeter('global-meter').createCounter('global.counter', {
        valueType: ValueType.INT,
      });
      const ids = sampledTracer().startActiveSpan('process', (span) => {
        counter.add(5, { 'processor.event.type': 'order' });
        span.end();
        return span.spanContext();
      });
      await handle?.forceFlush();

      const [point] = await receiver.waitForMetric('global.counter');
      expect(point?.exemplars).toEqual([
        {
          traceId: ids.traceId,
          spanId: ids.spanId,
          attributes: {},
          value: 5,
          valueType: 'int',
          timeUnixNano: expect.any(BigInt),
        },
      ]);
    });

    it("should match each exemplar to the point a view's attributeKeys produced and send the removed attributes as filtered attributes", async () => {
      const config = createTestMetricsConfig({
        exporter: ['otlp'],
        exportIntervalMillis: 600_000,
        exportTimeoutMillis: 10_000,
        export: { protocol, endpoint: url(), timeoutMillis: 5_000 },
      });
      handle = initMeterProvider(config, undefined, {
        views: [{ instrumentName: 'viewed.*', attributeKeys: ['processor.event.type'] }],
      });
      const counter = handle.getMeter('views').createCounter('viewed.counter');
      sampledTracer().startActiveSpan('process', (span) => {
        counter.add(1, { 'processor.event.type': 'order', 'order.id': 'o-1' });
        counter.add(1, { 'processor.event.type': 'refund', 'order.id': 'o-2' });
        span.end();
      });
      await handle.forceFlush();

      const points = await receiver.waitForMetric('viewed.counter');
      expect(pointOf(points, 'order').attributes).toEqual({ 'processor.event.type': 'order' });
      expect(pointOf(points, 'order').exemplars.map((e) => e.attributes)).toEqual([
        { 'order.id': 'o-1' },
      ]);
      expect(pointOf(points, 'refund').exemplars.map((e) => e.attributes)).toEqual([
        { 'order.id': 'o-2' },
      ]);
    });

    it("should attach none with metrics.exemplarFilter 'always_off'", async () => {
      const recorder = start('always_off');
      sampledTracer().startActiveSpan('process', (span) => {
        recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'order' });
        span.end();
      });
      await handle?.forceFlush();
      expect(pointOf(await receiver.waitForMetric(COUNTER), 'order').exemplars).toEqual([]);
    });
  });

  describe('exemplar serializer', () => {
    /** The SDK's own exporter for the protocol, and ours writing the store's exemplars. */
    function exporters(store: ExemplarStore): [PushMetricExporter, PushMetricExporter] {
      const options = { url: url() };
      const ours = createOtlpMetricExporter(
        createTestMetricsConfig({ export: { protocol, endpoint: url() } }).export,
        'cumulative',
        store,
      );
      switch (protocol) {
        case 'grpc':
          return [new GrpcMetricExporter(options), ours];
        case 'http/protobuf':
          return [new ProtoMetricExporter(options), ours];
        case 'http/json':
          return [new JsonMetricExporter(options), ours];
      }
    }

    it("should deliver every field the SDK's serializer does, plus the exemplars", async () => {
      const setup = createTestExemplarProvider();
      const recorder = createMetricsRecorder({
        meter: setup.meter,
        commonAttributes: { 'pipeline.name': 'ingest' },
      });
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 1.5, {
        'messaging.destination.partition.id': '3',
      });
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 2);
      recorder.recordCounter(COUNTER, 1, { 'processor.event.type': 'outside' });
      sampledTracer().startActiveSpan('process', (span) => {
        recorder.recordHistogram(HISTOGRAM, 0.25, { 'processor.event.type': 'order' });
        recorder.recordCounter(COUNTER, 3, { 'processor.event.type': 'order' });
        span.end();
      });
      const resourceMetrics = await setup.collect();
      const [sdkExporter, exemplarExporter] = exporters(setup.store);
      try {
        await exportOnce(sdkExporter, resourceMetrics);
        const fromSdk = receiver.metricPoints();
        receiver.clear();
        await exportOnce(exemplarExporter, resourceMetrics);
        const fromOurs = receiver.metricPoints();

        expect(fromSdk.length).toBeGreaterThanOrEqual(5);
        expect(fromSdk.every((p) => p.exemplars.length === 0)).toBe(true);
        expect(
          fromOurs
            .filter((p) => p.exemplars.length > 0)
            .map((p) => p.name)
            .sort(),
        ).toEqual([COUNTER, HISTOGRAM].sort());
        expect(fromOurs.map((p) => ({ ...p, exemplars: [] }))).toEqual(fromSdk);
      } finally {
        await sdkExporter.shutdown();
        await exemplarExporter.shutdown();
        await setup.provider.shutdown();
      }
    });
  });
});
