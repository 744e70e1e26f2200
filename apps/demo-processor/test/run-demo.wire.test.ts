import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_PROCESSOR_WINDOW_ID,
  METRIC_NAMES,
  SPAN_PROCESS_EVENT,
  SPAN_WINDOW_EMIT,
} from '@proc/telemetry/semconv';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@proc/telemetry-testing';
import type { DemoRunResult } from '../src/run-demo.js';
import { runBoundedDemo } from './support/run-bounded-demo.js';
import { sumLatest } from './support/sum-points.js';

// End to end: the demo runs for a bounded number of messages with the real telemetry wiring,
// exporting over OTLP/HTTP to a receiver on ephemeral loopback ports.
describe('runDemo over OTLP', () => {
  let receiver: OtlpReceiver;
  let run: Awaited<ReturnType<typeof runBoundedDemo>>;
  let result: DemoRunResult;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    run = await runBoundedDemo(receiver);
    result = run.result;
  });

  afterAll(async () => {
    await receiver?.stop();
  });

  it('should process every message it produced, with each kind of trouble present', () => {
    expect(result.produced).toBe(200);
    expect(result.received).toBe(200);
    expect(result.processed + result.duplicates + result.droppedLate + result.droppedPoison).toBe(
      200,
    );
    expect(result.duplicates).toBeGreaterThan(0);
    expect(result.droppedPoison).toBeGreaterThan(0);
    expect(result.late).toBeGreaterThan(0);
    expect(result.windowsStillOpen).toBe(0);
    expect(run.sink.results.reduce((n, r) => n + r.count, 0)).toBe(result.processed);
  });

  it('should export one producer span per message, each a root with the context it injected', () => {
    const sends = receiver.spans({ name: 'send events' });
    expect(sends).toHaveLength(200);
    for (const span of sends) {
      expect(span.kind).toBe(SpanKind.PRODUCER);
      expect(span.parentSpanId).toBeUndefined();
    }
  });

  it('should link each batch span to the producer spans of its messages, with child spans', () => {
    const sends = new Map(receiver.spans({ name: 'send events' }).map((s) => [s.spanId, s]));
    const batches = receiver.spans({ name: 'process events' });
    expect(batches).toHaveLength(result.batches);
    const linked = new Set<string>();
    for (const batch of batches) {
      expect(batch.kind).toBe(SpanKind.CONSUMER);
      const count = batch.attributes['messaging.batch.message_count'];
      expect(batch.links).toHaveLength(count as number);
      for (const link of batch.links) {
        const producer = sends.get(link.spanId);
        expect(producer?.traceId).toBe(link.traceId);
        expect(link.attributes['messaging.kafka.offset']).toBe(
          producer?.attributes['messaging.kafka.offset'],
        );
        linked.add(link.spanId);
      }
      const [root] = receiver.traceTree(batch.traceId);
      expect(root?.span.spanId).toBe(batch.spanId);
      const children = root!.children.map((c) => c.span);
      expect(children.filter((s) => s.name === SPAN_PROCESS_EVENT)).toHaveLength(count as number);
    }
    expect(linked.size).toBe(200);
  });

  it('should mark poison messages as errors with the exception recorded', () => {
    const failed = receiver
      .spans({ name: SPAN_PROCESS_EVENT })
      .filter((s) => s.status.code === SpanStatusCode.ERROR);
    expect(failed).toHaveLength(result.droppedPoison);
    expect(failed[0]!.events.map((e) => e.name)).toContain('exception');
    expect(failed[0]!.events[0]!.attributes['exception.type']).toBe('PoisonMessageError');
  });

  it('should emit one window span per window result, logged with its trace id', () => {
    const emits: ReceivedSpan[] = receiver.spans({ name: SPAN_WINDOW_EMIT });
    expect(emits).toHaveLength(result.windowsEmitted);
    expect(run.sink.results).toHaveLength(result.windowsEmitted);
    const logged = run.logLines.filter((l) => l.includes('window emitted'));
    expect(logged).toHaveLength(result.windowsEmitted);
    expect(logged[0]).toContain(`trace_id=${emits[0]!.traceId} span_id=${emits[0]!.spanId}`);
    // The window's key and value as on its span.
    expect(logged[0]).toContain(
      `${ATTR_PROCESSOR_WINDOW_ID}=${emits[0]!.attributes[ATTR_PROCESSOR_WINDOW_ID]} `,
    );
  });

  it('should export each log line as a log record, in the trace of the span it was written in', () => {
    expect(receiver.logs()).toHaveLength(run.logLines.length);
    const emits = receiver.spans({ name: SPAN_WINDOW_EMIT });
    const windows = receiver.logs({ body: 'window emitted' });
    expect(windows).toHaveLength(result.windowsEmitted);
    expect(windows[0]).toMatchObject({
      severityNumber: 9,
      severityText: 'INFO',
      traceId: emits[0]!.traceId,
      spanId: emits[0]!.spanId,
      scope: { name: '@proc/demo-processor' },
      resource: { 'processor.name': 'demo-processor' },
    });
    const poison = receiver.logs({ body: 'poison message dropped' });
    expect(poison).toHaveLength(result.droppedPoison);
    expect(poison.every((record) => record.severityNumber === 13)).toBe(true);
    const [finished] = receiver.logs({ body: 'demo finished' });
    expect(finished?.attributes).toMatchObject({ processed: result.processed });
  });

  it('should export processor.* metrics equal to what was processed', () => {
    expect(sumLatest(receiver, METRIC_NAMES.EVENTS_RECEIVED)).toBe(result.received);
    expect(sumLatest(receiver, METRIC_NAMES.EVENTS_PROCESSED)).toBe(result.processed);
    expect(sumLatest(receiver, METRIC_NAMES.DEDUPLICATION_COUNT)).toBe(result.duplicates);
    expect(sumLatest(receiver, METRIC_NAMES.EVENTS_LATE)).toBe(result.late);
    expect(
      sumLatest(receiver, METRIC_NAMES.EVENTS_DROPPED, { 'error.type': 'poison_message' }),
    ).toBe(result.droppedPoison);
    expect(sumLatest(receiver, METRIC_NAMES.EVENTS_DROPPED, { 'error.type': 'late_event' })).toBe(
      result.droppedLate,
    );
    expect(sumLatest(receiver, METRIC_NAMES.WINDOW_TRIGGERS)).toBe(result.windowsEmitted);
    expect(sumLatest(receiver, METRIC_NAMES.END_TO_END_LATENCY)).toBe(result.windowsEmitted);
    expect(sumLatest(receiver, METRIC_NAMES.WINDOWS_ACTIVE)).toBe(0);
    expect(sumLatest(receiver, METRIC_NAMES.PROCESSING_DURATION)).toBe(result.batches);
    expect(sumLatest(receiver, METRIC_NAMES.BATCH_SIZE)).toBe(result.batches);
    expect(sumLatest(receiver, METRIC_NAMES.BATCH_SIZE, {}, (p) => p.histogram?.sum ?? 0)).toBe(
      200,
    );
    const [lag] = receiver.metric(METRIC_NAMES.WATERMARK_LAG);
    expect(lag?.type).toBe('gauge');
    expect(lag?.value).toBeGreaterThanOrEqual(0);
  });

  it('should carry the processor identity on the resource', () => {
    const [span] = receiver.spans({ name: 'process events' });
    expect(span?.resource).toMatchObject({
      'service.name': 'demo-processor',
      'processor.name': 'demo-processor',
      'processor.pipeline.id': 'test',
    });
  });
});

describe('runDemo over OTLP, more messages waiting than a span may have links', () => {
  it('should poll batches of at most 128 messages, so each batch span links every one (regression: a batch of 198 had 128 links)', async () => {
    const receiver = await startOtlpReceiver();
    try {
      // One message, then a 500 ms pause in which all 299 others fall due at once.
      await runBoundedDemo(receiver, {
        maxMessages: 300,
        ratePerSecond: 100_000,
        pollIntervalMillis: 500,
      });
      const batches = receiver.spans({ name: 'process events' });
      const sizes = batches.map((b) => b.attributes['messaging.batch.message_count'] as number);
      // 128: the SDK's default span link limit (OTEL_SPAN_LINK_COUNT_LIMIT).
      expect(Math.max(...sizes)).toBe(128);
      for (const batch of batches)
        expect(batch.links).toHaveLength(
          batch.attributes['messaging.batch.message_count'] as number,
        );
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(300);
    } finally {
      await receiver.stop();
    }
  });
});
