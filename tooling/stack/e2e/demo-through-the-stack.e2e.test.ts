import { readFileSync } from 'node:fs';
import path from 'node:path';
import { e2eStack } from '../src/e2e-stack.js';
import { findRepoRoot } from '../src/paths.js';
import { type DemoRun, startDemo, uniqueServiceName } from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND, type StoredSpan } from './support/jaeger-api.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// The demo exports over OTLP/HTTP to the real collector, which sends traces to Jaeger and exposes
// metrics that Prometheus scrapes: what arrives at the end is compared with what the demo counted.
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);
const prometheus = prometheusApi(ports.prometheus);

/** The series the collector's Prometheus exporter makes of the demo's processor.* metrics. */
const EXPECTED_SERIES = [
  'processor_batch_size_bucket',
  'processor_batch_size_count',
  'processor_batch_size_sum',
  'processor_deduplication_count_total',
  'processor_end_to_end_latency_seconds_bucket',
  'processor_end_to_end_latency_seconds_count',
  'processor_end_to_end_latency_seconds_sum',
  'processor_events_dropped_total',
  'processor_events_late_total',
  'processor_events_processed_total',
  'processor_events_received_total',
  'processor_processing_duration_seconds_bucket',
  'processor_processing_duration_seconds_count',
  'processor_processing_duration_seconds_sum',
  'processor_watermark_lag_seconds',
  'processor_window_triggers_total',
  'processor_windows_active',
];

/** Every PromQL expression of the Grafana dashboard, with the panel it belongs to. */
const DASHBOARD_EXPRESSIONS = (
  JSON.parse(
    readFileSync(
      path.join(findRepoRoot(), 'infra/grafana/dashboards/stream-processor.json'),
      'utf8',
    ),
  ) as { panels: { title: string; targets: { expr: string }[] }[] }
).panels.flatMap((panel) => panel.targets.map((t) => ({ panel: panel.title, expr: t.expr })));

describe('the demo through the collector to Jaeger and Prometheus', () => {
  const service = uniqueServiceName('e2e-demo');
  const job = `{job="${service}"}`;
  let startedAt: number;
  let run: DemoRun;
  let spans: StoredSpan[];

  beforeAll(async () => {
    startedAt = Date.now();
    run = await startDemo({
      ports,
      protocol: 'http/protobuf',
      serviceName: service,
      durationSeconds: 10,
    }).done;
    // The collector batches for up to 1 s, Jaeger for a moment more.
    spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= run.spans.exported,
    );
  });

  it('should have exported every span it ended (the demo counts them)', () => {
    expect(run.stats.produced).toBeGreaterThan(100);
    expect(run.spans.ended).toBeGreaterThan(run.stats.produced);
    expect(run.spans).toMatchObject({
      exported: run.spans.ended,
      queued: 0,
      dropped: 0,
      failed: 0,
      unencodable: 0,
      open: 0,
    });
  });

  it('should store in Jaeger exactly the spans the demo exported (made = stored)', () => {
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
    expect(spans.length).toBe(run.spans.exported);
    expect(spans.filter((s) => s.name === 'send events')).toHaveLength(run.stats.produced);
    expect(spans.filter((s) => s.name === 'process events')).toHaveLength(run.stats.batches);
    expect(spans.filter((s) => s.name === 'processor.process_event')).toHaveLength(
      run.stats.received,
    );
    expect(spans.filter((s) => s.name === 'processor.window.emit')).toHaveLength(
      run.stats.windowsEmitted,
    );
  });

  it('should link every batch span to the producer span of each of its messages', () => {
    const producers = new Map(
      spans.filter((s) => s.name === 'send events').map((s) => [s.spanId, s]),
    );
    const linked = new Set<string>();
    for (const batch of spans.filter((s) => s.name === 'process events')) {
      expect(batch.kind).toBe(OTLP_SPAN_KIND.CONSUMER);
      expect(batch.links.length).toBe(batch.attributes['messaging.batch.message_count']);
      for (const link of batch.links) {
        expect(producers.get(link.spanId)?.traceId).toBe(link.traceId);
        linked.add(link.spanId);
      }
    }
    expect(linked.size).toBe(run.stats.produced);
  });

  it('should carry the messaging.* attributes on producer and batch spans', () => {
    const producer = spans.find((s) => s.name === 'send events')!;
    expect(producer.kind).toBe(OTLP_SPAN_KIND.PRODUCER);
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'proc_demo_queue',
      'messaging.destination.name': 'events',
      'messaging.operation.type': 'send',
    });
    expect(producer.attributes['messaging.destination.partition.id']).toEqual(expect.any(String));
    const batch = spans.find((s) => s.name === 'process events')!;
    expect(batch.attributes).toMatchObject({
      'messaging.system': 'proc_demo_queue',
      'messaging.destination.name': 'events',
      'messaging.operation.type': 'process',
    });
    expect(batch.attributes['messaging.batch.message_count']).toEqual(expect.any(Number));
  });

  it('should have every processor.* series in Prometheus, under the names the collector exports', async () => {
    const names = await pollUntil(
      () => prometheus.seriesNames(job),
      (n) => EXPECTED_SERIES.every((name) => n.includes(name)),
    );
    expect(names.filter((n) => n.startsWith('processor_'))).toEqual(EXPECTED_SERIES);
  });

  it('should count in Prometheus what the demo counted', async () => {
    const sum = (metric: string, labels = '') =>
      prometheus.scalar(`sum(${metric}{job="${service}"${labels}})`);
    const expected = {
      received: run.stats.received,
      processed: run.stats.processed,
      duplicates: run.stats.duplicates,
      droppedPoison: run.stats.droppedPoison,
      windowsEmitted: run.stats.windowsEmitted,
      batches: run.stats.batches,
    };
    // The last export is at the demo's shutdown; Prometheus sees it at its next scrape (5 s).
    const seen = await pollUntil(
      async () => ({
        received: await sum('processor_events_received_total'),
        processed: await sum('processor_events_processed_total'),
        duplicates: await sum('processor_deduplication_count_total'),
        droppedPoison: await sum('processor_events_dropped_total', ',error_type="poison_message"'),
        windowsEmitted: await sum('processor_window_triggers_total'),
        batches: await sum('processor_processing_duration_seconds_count'),
      }),
      (s) => JSON.stringify(s) === JSON.stringify(expected),
    );
    expect(seen).toEqual(expected);
  });

  it('should give every query of the Grafana dashboard data, with the labels it groups by', async () => {
    expect(DASHBOARD_EXPRESSIONS.length).toBeGreaterThanOrEqual(15);
    for (const { panel, expr } of DASHBOARD_EXPRESSIONS) {
      // Grafana's variables as the dashboard would set them for this service.
      const promql = expr.replaceAll('$job', service).replaceAll('$__rate_interval', '2m');
      const result = await prometheus.query(promql);
      expect([panel, promql, result.length > 0]).toEqual([panel, promql, true]);
      const groupedBy = /sum by \((\w+)\)/.exec(expr)?.[1];
      if (groupedBy && groupedBy !== 'le') {
        for (const sample of result)
          expect([panel, groupedBy, sample.metric[groupedBy] !== undefined]).toEqual([
            panel,
            groupedBy,
            true,
          ]);
      }
    }
    // The dashboard's job variable: label_values(processor_events_received_total, job).
    expect(await prometheus.labelValues('job', 'processor_events_received_total')).toContain(
      service,
    );
  });

  it('should keep exemplars in Prometheus whose trace ids are traces in Jaeger', async () => {
    const start = Math.floor(startedAt / 1000) - 60;
    const exemplarsOf = (metric: string) =>
      pollUntil(
        async () =>
          (await prometheus.exemplars(`${metric}${job}`, start, Date.now() / 1000 + 60)).flatMap(
            (s) => s.exemplars,
          ),
        (e) => e.length > 0,
      );
    const stored = new Set(spans.map((s) => s.traceId));
    for (const metric of [
      'processor_processing_duration_seconds_bucket',
      'processor_events_processed_total',
    ]) {
      const exemplars = await exemplarsOf(metric);
      expect([metric, exemplars.length > 0]).toEqual([metric, true]);
      for (const exemplar of exemplars) {
        expect(exemplar.labels.trace_id).toMatch(/^[0-9a-f]{32}$/);
        expect([metric, exemplar.labels.trace_id, stored.has(exemplar.labels.trace_id!)]).toEqual([
          metric,
          exemplar.labels.trace_id,
          true,
        ]);
      }
    }
    // And Jaeger serves the trace of one of them by id.
    const [first] = await exemplarsOf('processor_processing_duration_seconds_bucket');
    const trace = await jaeger.trace(first!.labels.trace_id!);
    expect(trace.map((s) => s.traceId)).toContain(first!.labels.trace_id);
  });
});
