import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
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

// A real Prometheus 2.42 with exemplar storage scrapes the exporter every second; it asks for
// OpenMetrics first (Accept: application/openmetrics-text), the only format that carries
// exemplars. The test reads them back through its /api/v1/query_exemplars API.
const OPENMETRICS = 'application/openmetrics-text;version=1.0.0';

async function startExporter(exemplarFilter?: 'always_off'): Promise<[MetricsHandle, number]> {
  const port = await freePort();
  const handle = initMeterProvider(
    createTestMetricsConfig({
      exporter: ['prometheus'],
      prometheus: { host: '127.0.0.1', port },
      ...(exemplarFilter === undefined ? {} : { exemplarFilter }),
    }),
    resourceFromAttributes({ 'service.name': 'openmetrics-wire-test' }),
  );
  await waitFor(
    'the Prometheus exporter endpoint',
    async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).ok,
    { timeoutMs: 10_000, intervalMs: 50 },
  );
  return [handle, port];
}

const scrape = (port: number, accept?: string) =>
  fetch(`http://127.0.0.1:${port}/metrics`, accept === undefined ? {} : { headers: { accept } });

describe('initMeterProvider with the Prometheus exporter and exemplars', () => {
  const tracer = () => new BasicTracerProvider().getTracer('openmetrics-wire-test');

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(() => {
    context.disable();
    trace.disable();
    metrics.disable();
  });

  describe('scraped by a real Prometheus with exemplar storage', () => {
    let handle: MetricsHandle;
    let prometheus: TestPrometheusServer | undefined;

    beforeAll(async () => {
      let port: number;
      [handle, port] = await startExporter();
      prometheus = await startTestPrometheusServer(`127.0.0.1:${port}`, {
        features: ['exemplar-storage'],
      });
    }, 60_000);

    afterAll(async () => {
      await prometheus?.stop();
      await handle.shutdown({ timeoutMillis: 5_000 });
    });

    it('should store the trace and span id of measurements made in a sampled span as exemplars of the counter and of the histogram bucket holding the value', async () => {
      const server = prometheus as TestPrometheusServer;
      const meter = handle.getMeter('openmetrics-test');
      const counter = meter.createCounter('plain.requests');
      const recorder = createMetricsRecorder({ meter, commonAttributes: { 'pipeline.name': 'p' } });
      const ids = tracer().startActiveSpan('process', (span) => {
        counter.add(3, { route: '/orders' });
        recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.2);
        span.end();
        return span.spanContext();
      });
      const spanLabels = { trace_id: ids.traceId, span_id: ids.spanId };

      const [requests] = await server.waitForExemplars(
        'plain_requests_total',
        (series) => series.length > 0,
      );
      expect(requests?.seriesLabels).toMatchObject({
        __name__: 'plain_requests_total',
        route: '/orders',
        otel_scope_name: 'openmetrics-test',
      });
      expect(requests?.exemplars).toEqual([
        { labels: spanLabels, value: 3, timestamp: expect.any(Number) },
      ]);
      const [total] = await server.query('plain_requests_total');
      expect(total?.value).toBe(3);

      const buckets = await server.waitForExemplars(
        'processor_processing_duration_bucket',
        (series) => series.length > 0,
      );
      // 0.2 lies in the bucket (0.1, 0.25]: its exemplar is on that bucket's line only.
      expect(buckets.map((series) => series.seriesLabels.le)).toEqual(['0.25']);
      expect(buckets[0]?.exemplars).toEqual([
        { labels: spanLabels, value: 0.2, timestamp: expect.any(Number) },
      ]);
      const exemplarSeconds = buckets[0]?.exemplars[0]?.timestamp ?? 0;
      expect(Math.abs(exemplarSeconds * 1000 - Date.now())).toBeLessThan(60_000);
    });

    it('should keep the samples the text format has: gauges, up-down counters and target_info scrape as before', async () => {
      const server = prometheus as TestPrometheusServer;
      const recorder = createMetricsRecorder({ meter: handle.getMeter('openmetrics-test') });
      tracer().startActiveSpan('process', (span) => {
        recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 2.5, { 'partition.id': '1' });
        recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 4);
        span.end();
      });
      const [lag] = await server.waitForQuery(
        'processor_watermark_lag',
        (s) => s[0]?.value === 2.5,
      );
      expect(lag?.metric.partition_id).toBe('1');
      await server.waitForQuery('processor_windows_active', (s) => s[0]?.value === 4);
      const [target] = await server.waitForQuery('target_info');
      expect(target?.metric.service_name).toBe('openmetrics-wire-test');
      // OpenMetrics allows no exemplars on gauges.
      expect(await server.queryExemplars('processor_watermark_lag')).toEqual([]);
    });
  });

  describe('the scrape endpoint', () => {
    let handle: MetricsHandle | undefined;

    afterEach(async () => {
      await handle?.shutdown({ timeoutMillis: 5_000 });
      handle = undefined;
    });

    it('should answer OpenMetrics ending in # EOF when asked for it, with the exemplar on the sample', async () => {
      let port: number;
      [handle, port] = await startExporter();
      const counter = handle.getMeter('endpoint-test').createCounter('asked.counter');
      const ids = tracer().startActiveSpan('process', (span) => {
        counter.add(1);
        span.end();
        return span.spanContext();
      });
      const response = await scrape(port, OPENMETRICS);
      expect(response.headers.get('content-type')).toBe(
        'application/openmetrics-text; version=1.0.0; charset=utf-8',
      );
      const body = await response.text();
      expect(body.endsWith('# EOF\n')).toBe(true);
      expect(body).toContain('# TYPE asked_counter counter\n');
      expect(body).toMatch(
        new RegExp(
          `^asked_counter_total\\{otel_scope_name="endpoint-test"\\} 1 # \\{trace_id="${ids.traceId}",span_id="${ids.spanId}"\\} 1 \\d+\\.\\d{9}$`,
          'm',
        ),
      );
    });

    it('should answer the text format, without exemplars, to a scraper that does not ask for OpenMetrics', async () => {
      let port: number;
      [handle, port] = await startExporter();
      const counter = handle.getMeter('endpoint-test').createCounter('text.counter');
      tracer().startActiveSpan('process', (span) => {
        counter.add(1);
        span.end();
      });
      const response = await scrape(port, 'text/plain;version=0.0.4');
      expect(response.headers.get('content-type')).toBe('text/plain');
      const body = await response.text();
      expect(body).toContain('# TYPE text_counter_total counter\n');
      expect(body).toContain('text_counter_total{otel_scope_name="endpoint-test"} 1\n');
      expect(body).not.toContain('# EOF');
      expect(body).not.toContain('trace_id');
    });

    it("should answer the text format even to an OpenMetrics scraper with exemplarFilter 'always_off'", async () => {
      let port: number;
      [handle, port] = await startExporter('always_off');
      handle.getMeter('endpoint-test').createCounter('off.counter').add(1);
      const response = await scrape(port, OPENMETRICS);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(await response.text()).toContain(
        'off_counter_total{otel_scope_name="endpoint-test"} 1',
      );
    });

    it('should answer 404 for another path, as the exporter does', async () => {
      let port: number;
      [handle, port] = await startExporter();
      const response = await fetch(`http://127.0.0.1:${port}/other`, {
        headers: { accept: OPENMETRICS },
      });
      expect(response.status).toBe(404);
    });
  });
});
