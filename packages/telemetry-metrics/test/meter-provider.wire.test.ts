import { diag, metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { MetricsConfig, TemporalityPreference } from '@proc/telemetry-config';
import type { OtlpReceiver, ReceivedMetricPoint, ReceiverProtocol } from '@proc/telemetry-testing';
import { createTestDiagLogger, startOtlpReceiver, waitFor } from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  DURATION_BUCKET_BOUNDARIES_SECONDS,
  type InitMeterProviderOptions,
  initMeterProvider,
  METRIC_DEFINITIONS,
  METRIC_NAMES,
  type MetricsHandle,
  shutdownMeterProvider,
} from '../src/index.js';
import { createTestMetricsConfig } from './helpers/test-metrics-config.js';

const PROTOCOLS: ReceiverProtocol[] = ['grpc', 'http/protobuf', 'http/json'];
const COMMON = { 'service.name': 'orders', 'pipeline.name': 'ingest' };

function only(points: ReceivedMetricPoint[]): ReceivedMetricPoint {
  expect(points).toHaveLength(1);
  return points[0] as ReceivedMetricPoint;
}

describe.each(PROTOCOLS)('initMeterProvider over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let handle: MetricsHandle | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  afterEach(async () => {
    await handle?.shutdown({ timeoutMillis: 5_000 });
    handle = undefined;
    receiver.clear();
    metrics.disable();
    diag.disable();
  });

  function config(
    temporality: TemporalityPreference,
    exportOverrides: Partial<MetricsConfig['export']> = {},
  ) {
    return createTestMetricsConfig({
      exporter: ['otlp'],
      temporality,
      // Exports happen when the test flushes; the interval never fires during a test.
      exportIntervalMillis: 600_000,
      exportTimeoutMillis: 10_000,
      export: {
        protocol,
        endpoint: protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/metrics`,
        timeoutMillis: 5_000,
        headers: { 'x-tenant': 'wire-test' },
        ...exportOverrides,
      },
    });
  }

  function start(
    temporality: TemporalityPreference,
    exportOverrides?: Partial<MetricsConfig['export']>,
    options?: InitMeterProviderOptions,
  ) {
    handle = initMeterProvider(
      config(temporality, exportOverrides),
      resourceFromAttributes({ 'service.name': 'metrics-wire-test' }),
      options,
    );
    return {
      handle,
      recorder: createMetricsRecorder({
        meter: handle.getMeter('wire-test', '1.2.3'),
        commonAttributes: COMMON,
      }),
    };
  }

  describe('MetricsRecorder', () => {
    it('should deliver every instrument kind with its name, unit, description, attributes and values', async () => {
      const { handle, recorder } = start('cumulative');
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 5, { 'processor.event.type': 'order' });
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 3);
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, -1);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.003, {
        'processor.event.type': 'order',
      });
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.2, {
        'processor.event.type': 'order',
      });
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 1.5, {
        'messaging.destination.partition.id': '3',
      });
      recorder.observeGauge('processor.queue.depth', (observe) =>
        observe(42, { 'queue.name': 'in' }),
      );
      await handle.forceFlush();

      const counter = only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED));
      expect(counter).toMatchObject({
        type: 'sum',
        isMonotonic: true,
        temporality: 'cumulative',
        value: 5,
        unit: '{event}',
        description: METRIC_DEFINITIONS[METRIC_NAMES.EVENTS_PROCESSED]?.description,
        attributes: { ...COMMON, 'processor.event.type': 'order' },
        protocol,
        scope: { name: 'wire-test', version: '1.2.3' },
      });
      expect(counter.resource['service.name']).toBe('metrics-wire-test');

      const upDown = only(receiver.metric(METRIC_NAMES.WINDOWS_ACTIVE));
      expect(upDown).toMatchObject({
        type: 'sum',
        isMonotonic: false,
        temporality: 'cumulative',
        value: 2,
        unit: '{window}',
        attributes: COMMON,
      });

      const histogram = only(receiver.metric(METRIC_NAMES.PROCESSING_DURATION));
      expect(histogram).toMatchObject({ type: 'histogram', temporality: 'cumulative', unit: 's' });
      expect(histogram.histogram?.explicitBounds).toEqual([...DURATION_BUCKET_BOUNDARIES_SECONDS]);
      expect(histogram.histogram?.count).toBe(2);
      expect(histogram.histogram?.sum).toBeCloseTo(0.203);
      expect(histogram.histogram?.min).toBe(0.003);
      expect(histogram.histogram?.max).toBe(0.2);
      const expectedCounts = new Array(DURATION_BUCKET_BOUNDARIES_SECONDS.length + 1).fill(0);
      expectedCounts[DURATION_BUCKET_BOUNDARIES_SECONDS.indexOf(0.005)] = 1;
      expectedCounts[DURATION_BUCKET_BOUNDARIES_SECONDS.indexOf(0.25)] = 1;
      expect(histogram.histogram?.bucketCounts).toEqual(expectedCounts);

      expect(only(receiver.metric(METRIC_NAMES.WATERMARK_LAG))).toMatchObject({
        type: 'gauge',
        value: 1.5,
        unit: 's',
        attributes: { ...COMMON, 'messaging.destination.partition.id': '3' },
      });
      expect(only(receiver.metric('processor.queue.depth'))).toMatchObject({
        type: 'gauge',
        value: 42,
        attributes: { ...COMMON, 'queue.name': 'in' },
      });
    });

    it('should deliver gzip-compressed exports', async () => {
      const { handle, recorder } = start('cumulative', { compression: 'gzip' });
      recorder.recordCounter(METRIC_NAMES.EVENTS_RECEIVED, 9);
      await handle.forceFlush();
      expect(only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_RECEIVED)).value).toBe(9);
      expect(receiver.stats()[protocol].decodeFailures).toBe(0);
    });
  });

  describe('views', () => {
    it('should send at most the cardinality limit plus one overflow series for 10,000 label values', async () => {
      const { handle, recorder } = start(
        'cumulative',
        {},
        {
          views: [{ instrumentName: 'events.by.user', cardinalityLimit: 50 }],
        },
      );
      for (let i = 0; i < 10_000; i++) {
        recorder.recordCounter('events.by.user', 1, { 'user.id': `user-${i}` });
      }
      await handle.forceFlush();
      const points = await receiver.waitForMetric('events.by.user');
      expect(points.length).toBeLessThanOrEqual(51);
      const overflow = points.filter((p) => p.attributes['otel.metric.overflow'] === true);
      expect(overflow).toHaveLength(1);
      expect(overflow[0]?.attributes).toEqual({ 'otel.metric.overflow': true });
      expect(points.reduce((sum, p) => sum + Number(p.value ?? 0), 0)).toBe(10_000);
    });
  });

  describe('temporality', () => {
    it('should reset delta sums and histograms between exports and keep up-down counters cumulative', async () => {
      const { handle, recorder } = start('delta');
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 5);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.01);
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 4);
      await handle.forceFlush();
      const first = only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED));
      expect(first).toMatchObject({ temporality: 'delta', value: 5 });

      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 7);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.02);
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 1);
      await handle.forceFlush();
      const second = only(
        await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED, {
          predicate: (points) => points[0]?.value !== 5,
        }),
      );
      expect(second).toMatchObject({ temporality: 'delta', value: 7 });
      // Each delta point covers the interval since the previous export.
      expect(second.startTimeUnixNano).toBe(first.timeUnixNano);

      const histogram = only(receiver.metric(METRIC_NAMES.PROCESSING_DURATION));
      expect(histogram).toMatchObject({ temporality: 'delta', histogram: { count: 1, sum: 0.02 } });
      expect(only(receiver.metric(METRIC_NAMES.WINDOWS_ACTIVE))).toMatchObject({
        temporality: 'cumulative',
        value: 5,
      });
    });

    it('should accumulate cumulative sums and keep their start time', async () => {
      const { handle, recorder } = start('cumulative');
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 5);
      await handle.forceFlush();
      const first = only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED));

      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 7);
      await handle.forceFlush();
      const second = only(
        await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED, {
          predicate: (points) => points[0]?.value === 12,
        }),
      );
      expect(second.temporality).toBe('cumulative');
      expect(second.startTimeUnixNano).toBe(first.startTimeUnixNano);
      expect(second.timeUnixNano > first.timeUnixNano).toBe(true);
    });

    it.each([
      ['delta', 'delta', 'delta'],
      ['lowmemory', 'delta', 'cumulative'],
      ['cumulative', 'cumulative', 'cumulative'],
    ] as const)(
      'should export with preference %s a counter as %s and an observable counter as %s',
      async (preference, counterTemporality, observableTemporality) => {
        const { handle } = start(preference);
        const meter = handle.getMeter('kinds');
        meter.createCounter('kinds.counter').add(1);
        meter
          .createObservableCounter('kinds.observable_counter')
          .addCallback((result) => result.observe(10));
        await handle.forceFlush();
        expect(only(await receiver.waitForMetric('kinds.counter')).temporality).toBe(
          counterTemporality,
        );
        expect(only(await receiver.waitForMetric('kinds.observable_counter')).temporality).toBe(
          observableTemporality,
        );
      },
    );
  });

  describe('shutdownMeterProvider', () => {
    it('should export the values recorded just before shutting down', async () => {
      const { handle, recorder } = start('cumulative');
      recorder.recordCounter(METRIC_NAMES.EVENTS_DROPPED, 3, { 'error.type': 'timeout' });
      recorder.recordHistogram(METRIC_NAMES.END_TO_END_LATENCY, 1.2);
      await expect(shutdownMeterProvider(handle, { timeoutMillis: 5_000 })).resolves.toEqual({
        signal: 'metrics',
        items: 'metric data points',
        exported: 2,
        failed: 0,
        dropped: { queueFull: 0, timeout: 0, shutdown: 0, invalid: 0 },
        open: 0,
        deadlineHit: false,
        complete: true,
      });
      expect(only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_DROPPED))).toMatchObject({
        value: 3,
        attributes: { ...COMMON, 'error.type': 'timeout' },
      });
      expect(only(receiver.metric(METRIC_NAMES.END_TO_END_LATENCY)).histogram?.count).toBe(1);
    });

    // gRPC only (registered, not skipped, for the others): over HTTP the retries are the SDK
    // exporters' own, which shutdown() cannot cancel.
    if (protocol === 'grpc') {
      it('should stop retrying once shutdown gave up (regression: gRPC retries went on after shutdown() resolved, keeping the process alive)', async () => {
        const { handle, recorder } = start('cumulative');
        recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1);
        receiver.failFor(10_000); // UNAVAILABLE: retried after about 1 s, within 5 s
        try {
          await expect(
            shutdownMeterProvider(handle, { timeoutMillis: 300 }),
          ).resolves.toMatchObject({
            exported: 0,
            dropped: { timeout: 1 },
            deadlineHit: true,
            complete: false,
          });
          await waitFor('the first attempt', () => receiver.stats().grpc.requests > 0);
          const requests = receiver.stats().grpc.requests;
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          expect(receiver.stats().grpc.requests).toBe(requests);
        } finally {
          receiver.failFor(0);
        }
      });
    }
  });

  describe('forceFlush', () => {
    it('should retry a transient failure (503 / UNAVAILABLE) so a delta export is not lost', async () => {
      const logger = createTestDiagLogger();
      logger.install();
      const { handle, recorder } = start('delta');
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 4);
      receiver.failNext(1);
      await handle.forceFlush({ timeoutMillis: 10_000 });
      expect(only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED))).toMatchObject({
        temporality: 'delta',
        value: 4,
      });
      expect(logger.texts('error')).toEqual([]);
    });

    it('should retry exactly as metrics.export.retry says, then give the collection up', async () => {
      const { handle, recorder } = start('cumulative', {
        // Short enough that, over HTTP, the SDK transport's own retry never fits in an attempt.
        timeoutMillis: 300,
        retry: { maxAttempts: 2, initialBackoffMillis: 20, maxBackoffMillis: 20 },
      });
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1);
      receiver.failFor(60_000, { httpStatus: 503, grpcCode: 14 });
      const stats = () => receiver.stats()[protocol].requests;
      const before = stats();
      try {
        await handle.forceFlush({ timeoutMillis: 10_000 });
        expect(stats() - before).toBe(2);
        expect(handle.exportCounts()).toMatchObject({ exported: 0, failed: 1, queued: 0 });
      } finally {
        receiver.failFor(0);
      }
    });

    it('should report a refused export through diag and deliver everything at the next export', async () => {
      const logger = createTestDiagLogger();
      logger.install();
      const { handle, recorder } = start('cumulative');
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 2);
      // Non-retryable status codes, so the exporter gives up at once instead of retrying.
      receiver.failNext(1, { httpStatus: 400, grpcCode: 3 });
      await expect(handle.forceFlush()).resolves.toBeUndefined();
      expect(logger.texts('error').length).toBeGreaterThan(0);
      expect(receiver.metric(METRIC_NAMES.EVENTS_PROCESSED)).toEqual([]);

      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 3);
      await handle.forceFlush();
      expect(only(await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED)).value).toBe(5);
    });
  });
});
