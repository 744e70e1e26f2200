import { e2eStack } from '../src/e2e-stack.js';
import { collectorLogRecordsOf } from './support/collector-log-records.js';
import { type OtlpProtocol, startDemo, uniqueServiceName } from './support/demo-process.js';
import { jaegerApi } from './support/jaeger-api.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// Each OTLP encoding the SDK speaks, once through the real collector's receivers: the gRPC one
// (:4317) and the HTTP one (:4318, protobuf and JSON bodies). All three signals: spans to
// Jaeger, metrics to Prometheus, log records through the collector's logs pipeline to its
// `file/logs` exporter.
const { ports, paths } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);
const prometheus = prometheusApi(ports.prometheus);

/** SeverityNumber of the OpenTelemetry log data model. */
const SEVERITY = { INFO: 9, WARN: 13 } as const;

describe.each<OtlpProtocol>(['grpc', 'http/protobuf', 'http/json'])('OTLP over %s', (protocol) => {
  const service = uniqueServiceName(`e2e-${protocol.replace('/', '-')}`);

  it('should reach Jaeger with every span, Prometheus with the counters and the logs pipeline with every record', async () => {
    const run = await startDemo({ ports, protocol, serviceName: service, durationSeconds: 3 }).done;
    expect(run.spans.exported).toBe(run.spans.ended);
    const spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= run.spans.exported,
    );
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(run.spans.exported);
    expect(spans.filter((s) => s.name === 'send events')).toHaveLength(run.stats.produced);
    const processed = await pollUntil(
      () => prometheus.scalar(`sum(processor_events_processed_total{job="${service}"})`),
      (n) => n === run.stats.processed,
    );
    expect(processed).toBe(run.stats.processed);

    // Every log record the demo emitted came out of the collector's logs pipeline, once.
    expect(run.logRecords.exported).toBe(run.logRecords.emitted);
    const records = await pollUntil(
      async () => collectorLogRecordsOf(paths.collectorLogRecordsFile, service),
      (r) => r.length >= run.logRecords.exported,
    );
    expect(records).toHaveLength(run.logRecords.exported);
    expect(records.every((r) => r.scope === '@proc/demo-processor')).toBe(true);

    // Severity, body and attributes as the demo's logger emitted them.
    const finished = records.filter((r) => r.body === 'demo finished');
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({
      severityNumber: SEVERITY.INFO,
      severityText: 'INFO',
      attributes: { processed: run.stats.processed, produced: run.stats.produced },
    });
    const warnings = records.filter((r) => r.body === 'poison message dropped');
    expect(warnings).toHaveLength(run.stats.droppedPoison);
    for (const warning of warnings) {
      expect(warning).toMatchObject({ severityNumber: SEVERITY.WARN, severityText: 'WARN' });
    }

    // A record written inside a span carries that span's ids: Jaeger has the span, in the same
    // trace, and it is the span the record speaks of.
    const emitted = records.filter((r) => r.body === 'window emitted');
    expect(emitted).toHaveLength(run.stats.windowsEmitted);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    for (const record of emitted) {
      const span = byId.get(record.spanId ?? '');
      expect([span?.name, span?.traceId, span?.attributes['processor.window.id']]).toEqual([
        'processor.window.emit',
        record.traceId,
        record.attributes['processor.window.id'],
      ]);
      expect(record.flags).toBe(1);
    }
    for (const warning of warnings) {
      expect(byId.get(warning.spanId ?? '')?.traceId).toBe(warning.traceId);
    }
  });
});
