import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import type { OtlpReceiver } from '@proc/telemetry-testing';
import { initTelemetry, withSpan } from '../src/index.js';
import { PROTOCOLS, receiverEnv } from './helpers/receiver-env.js';
import { useSuiteReceiver } from './helpers/suite-receiver.js';

/** The one point of `name` whose attributes include `attributes`. */
function pointOf(receiver: OtlpReceiver, name: string, attributes: Record<string, unknown> = {}) {
  const points = receiver
    .metric(name)
    .filter((point) =>
      Object.entries(attributes).every(([key, value]) => point.attributes[key] === value),
    );
  expect(points).toHaveLength(1);
  return points[0]!;
}

describe.each(PROTOCOLS)('self-telemetry over OTLP %s', (protocol) => {
  const suite = useSuiteReceiver();

  /** Ends 20 spans, exports them, then exports the metrics that counted them. */
  async function run(extraEnv: Record<string, string> = {}) {
    suite.telemetry = await initTelemetry({ env: receiverEnv(suite.receiver, protocol, extraEnv) });
    const events = suite.telemetry.meter().createCounter('app.events');
    for (let i = 0; i < 20; i++) withSpan('event', () => events.add(1));
    suite.telemetry.logger().emit({ body: 'one record' });
    // Traces and metrics flush in parallel: the second flush's collection sees the first's spans.
    await suite.telemetry.forceFlush();
    await suite.telemetry.forceFlush();
    return suite.telemetry;
  }

  it('should deliver the SDK health metrics, named per the semantic conventions, with the app suite.telemetry', async () => {
    await run();
    await suite.receiver.waitForSpans(20);
    await suite.receiver.waitForMetric('otel.sdk.exporter.span.exported', {
      predicate: (points) => points.some((point) => point.value === 20),
    });
    const exporterType =
      protocol === 'grpc'
        ? 'otlp_grpc_span_exporter'
        : protocol === 'http/json'
          ? 'otlp_http_json_span_exporter'
          : 'otlp_http_span_exporter';
    // Recorded by the SDK's tracer, given the meter provider.
    expect(pointOf(suite.receiver, 'otel.sdk.span.started').value).toBe(20);
    expect(pointOf(suite.receiver, 'otel.sdk.span.live').value).toBe(0);
    // Added here: the processor and the exporter of the OTLP export path.
    // The queue is bounded by bytes (32 MiB): its capacity is the spans that fit at the bytes a
    // span took so far, between 50 and 2000 bytes for these spans on any encoding.
    const capacity = pointOf(suite.receiver, 'otel.sdk.processor.span.queue.capacity')
      .value as number;
    expect(capacity).toBeGreaterThan((32 * 1024 * 1024) / 2000);
    expect(capacity).toBeLessThan((32 * 1024 * 1024) / 50);
    expect(pointOf(suite.receiver, 'otel.sdk.processor.span.queue.size').value).toBe(0);
    expect(pointOf(suite.receiver, 'otel.sdk.processor.span.processed').value).toBe(20);
    const exported = pointOf(suite.receiver, 'otel.sdk.exporter.span.exported');
    expect(exported).toMatchObject({
      value: 20,
      unit: '{span}',
      attributes: { 'otel.component.type': exporterType },
    });
    expect(pointOf(suite.receiver, 'otel.sdk.exporter.span.inflight').value).toBe(0);
    const duration = pointOf(suite.receiver, 'otel.sdk.exporter.operation.duration', {
      'otel.component.type': exporterType,
    });
    expect(duration.unit).toBe('s');
    expect(duration.histogram?.count).toBe(1);
    // The logs export path, as the spans'.
    expect(pointOf(suite.receiver, 'otel.sdk.exporter.log.exported').value).toBe(1);
    expect(pointOf(suite.receiver, 'otel.sdk.processor.log.processed').value).toBe(1);
    // The metrics export path counts itself too: the first collection arrived before the second.
    expect(
      pointOf(suite.receiver, 'otel.sdk.exporter.metric_data_point.exported').value,
    ).toBeGreaterThan(0);
  });

  it('should count spans started by sampling result and parent origin, and the live ones, as the SDK tracer names them', async () => {
    suite.telemetry = await initTelemetry({
      env: receiverEnv(suite.receiver, protocol, { OTEL_TRACES_SAMPLER: 'parentbased_always_on' }),
    });
    const tracer = suite.telemetry.tracer('self-telemetry-test');
    const unsampledRemote = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.NONE,
      isRemote: true,
    });
    const open = tracer.startSpan('still open');
    tracer.startSpan('root').end();
    tracer.startActiveSpan('parent', (parent) => {
      tracer.startSpan('local child').end();
      parent.end();
    });
    tracer.startSpan('dropped, remote parent', {}, unsampledRemote).end();
    await suite.telemetry.forceFlush();
    await suite.telemetry.forceFlush();
    await suite.receiver.waitForMetric('otel.sdk.span.started');
    const started = (result: string, origin: string) =>
      pointOf(suite.receiver, 'otel.sdk.span.started', {
        'otel.span.sampling_result': result,
        'otel.span.parent.origin': origin,
      });
    expect(started('RECORD_AND_SAMPLE', 'none')).toMatchObject({ value: 3, unit: '{span}' });
    expect(started('RECORD_AND_SAMPLE', 'local').value).toBe(1);
    expect(started('DROP', 'remote').value).toBe(1);
    expect(suite.receiver.metric('otel.sdk.span.started')).toHaveLength(3);
    // A dropped span never records, so only the sampled result is live: the one still open.
    expect(suite.receiver.metric('otel.sdk.span.live')).toEqual([
      expect.objectContaining({
        value: 1,
        unit: '{span}',
        attributes: { 'otel.span.sampling_result': 'RECORD_AND_SAMPLE' },
      }),
    ]);
    open.end();
  });

  it('should record none of them with PROC_TELEMETRY_SELF_TELEMETRY_ENABLED=false', async () => {
    await run({ PROC_TELEMETRY_SELF_TELEMETRY_ENABLED: 'false' });
    await suite.receiver.waitForSpans(20);
    await suite.telemetry?.shutdown({ timeoutMillis: 5000 });
    const names = new Set(suite.receiver.metricPoints().map((point) => point.name));
    expect(names.has('app.events')).toBe(true);
    expect([...names].filter((name) => name.startsWith('otel.sdk.'))).toEqual([]);
  });
});
