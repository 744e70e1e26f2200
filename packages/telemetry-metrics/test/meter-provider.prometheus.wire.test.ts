import { metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { freePort, waitFor } from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  initMeterProvider,
  METRIC_NAMES,
  type MetricsHandle,
} from '../src/index.js';
import { createTestMetricsConfig } from './helpers/test-metrics-config.js';
import {
  startTestPrometheusServer,
  type TestPrometheusServer,
} from './helpers/test-prometheus-server.js';

// A real Prometheus server (the `prometheus` binary on PATH) scrapes the exporter's pull
// endpoint every second; the test queries its HTTP API. OpenTelemetry names are translated the
// Prometheus way: dots become underscores and monotonic sums get `_total`.
describe('initMeterProvider with the Prometheus exporter', () => {
  let handle: MetricsHandle;
  let prometheus: TestPrometheusServer | undefined;
  let exporterPort: number;

  beforeAll(async () => {
    exporterPort = await freePort();
    handle = initMeterProvider(
      createTestMetricsConfig({
        exporter: ['prometheus'],
        prometheus: { host: '127.0.0.1', port: exporterPort },
      }),
      resourceFromAttributes({ 'service.name': 'prometheus-wire-test' }),
    );
    // The exporter starts listening asynchronously: wait for its endpoint before Prometheus scrapes it.
    await waitFor(
      'the Prometheus exporter endpoint',
      async () => {
        const response = await fetch(`http://127.0.0.1:${exporterPort}/metrics`);
        return response.ok;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    prometheus = await startTestPrometheusServer(`127.0.0.1:${exporterPort}`);
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await handle.shutdown({ timeoutMillis: 5_000 });
    metrics.disable();
  });

  describe('MetricsRecorder', () => {
    it('should make counters, histograms, gauges and up-down counters queryable with their labels', async () => {
      const server = prometheus as TestPrometheusServer;
      const recorder = createMetricsRecorder({
        meter: handle.getMeter('prometheus-test'),
        commonAttributes: { 'pipeline.name': 'ingest' },
      });
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 5, { 'processor.event.type': 'order' });
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 2, {
        'processor.event.type': 'refund',
      });
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.003);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.2);
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 1.5, {
        'messaging.destination.partition.id': '7',
      });
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 3);

      const [orders] = await server.waitForQuery(
        'processor_events_processed_total{processor_event_type="order"}',
        (samples) => samples[0]?.value === 5,
      );
      expect(orders?.metric).toMatchObject({
        __name__: 'processor_events_processed_total',
        processor_event_type: 'order',
        pipeline_name: 'ingest',
        otel_scope_name: 'prometheus-test',
        job: 'telemetry-metrics',
        instance: `127.0.0.1:${exporterPort}`,
      });
      const byType = await server.query(
        'sum by (processor_event_type) (processor_events_processed_total)',
      );
      expect(
        Object.fromEntries(byType.map((s) => [s.metric.processor_event_type, s.value])),
      ).toEqual({
        order: 5,
        refund: 2,
      });

      const [count] = await server.waitForQuery(
        'processor_processing_duration_count',
        (s) => s[0]?.value === 2,
      );
      expect(count?.metric.pipeline_name).toBe('ingest');
      const [fast] = await server.query('processor_processing_duration_bucket{le="0.005"}');
      expect(fast?.value).toBe(1);
      const [all] = await server.query('processor_processing_duration_bucket{le="+Inf"}');
      expect(all?.value).toBe(2);
      const [sum] = await server.query('processor_processing_duration_sum');
      expect(sum?.value).toBeCloseTo(0.203);

      const [lag] = await server.waitForQuery(
        'processor_watermark_lag',
        (s) => s[0]?.value === 1.5,
      );
      expect(lag?.metric).toMatchObject({
        messaging_destination_partition_id: '7',
        pipeline_name: 'ingest',
      });
      const [windows] = await server.waitForQuery(
        'processor_windows_active',
        (s) => s[0]?.value === 3,
      );
      expect(windows?.metric.pipeline_name).toBe('ingest');

      const [target] = await server.waitForQuery('target_info');
      expect(target?.metric.service_name).toBe('prometheus-wire-test');
    });

    it('should show later recordings at the next scrape', async () => {
      const server = prometheus as TestPrometheusServer;
      const recorder = createMetricsRecorder({ meter: handle.getMeter('prometheus-test') });
      recorder.recordCounter(METRIC_NAMES.EVENTS_LATE, 1);
      await server.waitForQuery('processor_events_late_total', (s) => s[0]?.value === 1);
      recorder.recordCounter(METRIC_NAMES.EVENTS_LATE, 4);
      const [late] = await server.waitForQuery(
        'processor_events_late_total',
        (s) => s[0]?.value === 5,
      );
      expect(late?.metric.__name__).toBe('processor_events_late_total');
    });
  });
});
