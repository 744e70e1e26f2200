import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { parse, stringify } from 'yaml';
import { prometheusNames } from './prometheus-names.js';
import { runDemo } from './run-demo.js';
import { INFRA_DIR, PROMTOOL_HINT, runTool } from './run-tool.js';

interface Panel {
  title: string;
  datasource: { uid: string };
  targets: { expr: string; legendFormat?: string }[];
}

const dashboard = JSON.parse(
  readFileSync(path.join(INFRA_DIR, 'grafana/dashboards/stream-processor.json'), 'utf8'),
) as { panels: Panel[]; templating: { list: { query: { query: string } }[] } };
const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
const variableQueries = dashboard.templating.list.map((v) => v.query.query);

/** Grafana's variables replaced by values Prometheus accepts. */
const asPromQl = (expr: string) =>
  expr.replaceAll('$__rate_interval', '1m').replaceAll('$job', '.*');
/** The metric names in an expression; the labels of `by (...)` (`processor_event_type`) are not. */
const metricNamesIn = (expr: string) =>
  [...expr.replace(/\bby \([^)]*\)/g, '').matchAll(/\b(processor_[a-z0-9_]+)\b/g)].map(
    (m) => m[1]!,
  );
/** The labels an expression groups by (`sum by (a, b)`) and a legend prints (`{{a}}`). */
const labelsIn = (text: string) =>
  [...text.matchAll(/\bby \(([^)]*)\)|\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)].flatMap((m) =>
    (m[1] ?? m[2]!).split(',').map((label) => label.trim()),
  );

describe('infra/grafana/dashboards/stream-processor.json', () => {
  it('should chart throughput, drops, processing-duration quantiles, watermark lag and active windows', () => {
    const all = exprs.join('\n');
    expect(all).toContain('rate(processor_events_processed_total');
    expect(all).toContain('rate(processor_events_dropped_total');
    for (const q of ['0.5', '0.95', '0.99']) {
      expect(all).toContain(
        `histogram_quantile(${q}, sum by (le) (rate(processor_processing_duration_seconds_bucket`,
      );
    }
    expect(all).toContain('processor_watermark_lag_seconds');
    expect(all).toContain('processor_windows_active');
  });

  it('should only use the provisioned Prometheus datasource', () => {
    const provisioned = parse(
      readFileSync(
        path.join(INFRA_DIR, 'grafana/provisioning/datasources/datasources.yaml'),
        'utf8',
      ),
    ) as { datasources: { uid: string; type: string }[] };
    expect(provisioned.datasources.map((d) => [d.uid, d.type])).toEqual([
      ['prometheus', 'prometheus'],
      ['jaeger', 'jaeger'],
    ]);
    for (const panel of dashboard.panels)
      expect([panel.title, panel.datasource.uid]).toEqual([panel.title, 'prometheus']);
  });

  it('should link exemplars of the Prometheus datasource to traces in the Jaeger datasource', () => {
    const provisioned = parse(
      readFileSync(
        path.join(INFRA_DIR, 'grafana/provisioning/datasources/datasources.yaml'),
        'utf8',
      ),
    ) as { datasources: { uid: string; jsonData?: Record<string, unknown> }[] };
    const prometheus = provisioned.datasources.find((d) => d.uid === 'prometheus');
    // trace_id: the exemplar label the collector's Prometheus exporter writes.
    expect(prometheus?.jsonData?.exemplarTraceIdDestinations).toEqual([
      { name: 'trace_id', datasourceUid: 'jaeger' },
    ]);
  });

  it("should hold only expressions Prometheus' parser accepts (promtool check rules)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-promql-'));
    try {
      const rules = exprs.map((expr, i) => ({
        record: `dashboard:expr_${i}`,
        expr: asPromQl(expr),
      }));
      const file = path.join(dir, 'rules.yaml');
      writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules }] }));
      const { status, output } = runTool('promtool', ['check', 'rules', file], PROMTOOL_HINT);
      expect(output).toContain(`SUCCESS: ${rules.length} rules found`);
      expect(status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('metric names', () => {
    let receiver: OtlpReceiver;
    const exported = new Set<string>();

    beforeAll(async () => {
      // What the demo really exports, named as the collector's Prometheus exporter names it.
      receiver = await startOtlpReceiver();
      expect(await runDemo(receiver.httpUrl)).toBe(0);
      for (const point of receiver.metricPoints())
        for (const name of prometheusNames(point)) exported.add(name);
    });

    afterAll(async () => {
      await receiver?.stop();
    });

    it('should refer only to metrics the demo exports', () => {
      const referenced = new Set([...exprs, ...variableQueries].flatMap(metricNamesIn));
      expect(exported.size).toBeGreaterThan(0);
      expect(referenced.size).toBeGreaterThanOrEqual(8);
      const missing = [...referenced].filter((name) => !exported.has(name));
      expect(missing).toEqual([]);
    });

    it('should group and label only by labels the demo exports (attribute keys, dots as underscores)', () => {
      // Attribute keys as the collector's Prometheus exporter writes them, plus the labels
      // Prometheus itself adds (job, instance) and the histogram bucket bound.
      const labels = new Set(['job', 'instance', 'le']);
      for (const point of receiver.metricPoints())
        for (const key of Object.keys(point.attributes))
          labels.add(key.replace(/[^a-zA-Z0-9_]/g, '_'));
      const used = new Set(
        dashboard.panels.flatMap((p) =>
          p.targets.flatMap((t) => [...labelsIn(t.expr), ...labelsIn(t.legendFormat ?? '')]),
        ),
      );
      expect([...used]).toEqual(
        expect.arrayContaining(['processor_event_type', 'processor_window_type']),
      );
      expect([...used].filter((label) => !labels.has(label))).toEqual([]);
    });
  });
});
