import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { METRIC_NAMES } from '@proc/telemetry/semconv';
import { createLogger } from '../src/logger.js';
import { createProcessorMetrics } from '../src/processor-metrics.js';
import { createMemorySink } from '../src/sinks.js';
import { createStreamProcessor } from '../src/stream-processor.js';
import { testEvent, testMessage } from './support/messages.js';
import { createTestMetricsRecorder } from './support/test-metrics-recorder.js';

function setup(tracer?: ReturnType<BasicTracerProvider['getTracer']>) {
  const recorder = createTestMetricsRecorder();
  const sink = createMemorySink();
  const lines: string[] = [];
  const processor = createStreamProcessor({
    topic: 'events',
    metrics: createProcessorMetrics(recorder),
    sink,
    logger: createLogger({ write: (line) => lines.push(line) }),
    windows: { sizeMillis: 10_000, maxOutOfOrderMillis: 1_000, allowedLatenessMillis: 1_000 },
    now: () => 100_000,
    ...(tracer ? { tracer } : {}),
  });
  return { recorder, sink, lines, processor };
}

describe('createStreamProcessor', () => {
  describe('processBatch', () => {
    it('should aggregate events into windows and emit the ones the watermark closes', () => {
      const { recorder, sink, processor } = setup();
      processor.processBatch([
        testMessage(testEvent('a', 1_000, { amount: 2 })),
        testMessage(testEvent('b', 2_000, { amount: 3, customerId: 'c-2' })),
        testMessage(testEvent('c', 13_000)), // watermark 12 000 closes [0, 10 000)
      ]);
      expect(sink.results).toEqual([
        expect.objectContaining({ windowId: 'order@0', count: 2, total: 5, customers: 2 }),
      ]);
      expect(processor.stats).toMatchObject({
        batches: 1,
        received: 3,
        processed: 3,
        windowsEmitted: 1,
      });
      expect(
        recorder.total(METRIC_NAMES.EVENTS_RECEIVED, { 'processor.event.type': 'order' }),
      ).toBe(3);
      expect(recorder.total(METRIC_NAMES.EVENTS_PROCESSED)).toBe(3);
      expect(
        recorder.total(METRIC_NAMES.WINDOW_TRIGGERS, { 'processor.window.type': 'tumbling' }),
      ).toBe(1);
      expect(recorder.total(METRIC_NAMES.WINDOWS_ACTIVE)).toBe(1); // +2 opened, -1 fired
      expect(recorder.recordings.filter((r) => r.name === METRIC_NAMES.BATCH_SIZE)).toEqual([
        expect.objectContaining({ kind: 'histogram', value: 3 }),
      ]);
      expect(recorder.recordings.filter((r) => r.name === METRIC_NAMES.WATERMARK_LAG)).toEqual([
        expect.objectContaining({ kind: 'gauge', value: 88 }), // (100 000 - 12 000) ms
      ]);
      expect(
        recorder.recordings.find((r) => r.name === METRIC_NAMES.END_TO_END_LATENCY)?.value,
      ).toBe(90);
    });

    it('should start no span per event in a batch whose span does not record, and one in a sampled batch', () => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      // Samples every other root (the batch spans); children follow their parent.
      let roots = 0;
      const asked: string[] = [];
      const alternate: Sampler = {
        shouldSample: () => ({
          decision:
            roots++ % 2 === 0 ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED,
        }),
      };
      const parentBased = new ParentBasedSampler({ root: alternate });
      const sampler: Sampler = {
        shouldSample(ctx, traceId, name, kind, attributes, links) {
          asked.push(name);
          return parentBased.shouldSample(ctx, traceId, name, kind, attributes, links);
        },
      };
      const exporter = new InMemorySpanExporter();
      const provider = new BasicTracerProvider({
        sampler,
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      });
      try {
        const { processor } = setup(provider.getTracer('test'));
        const batch = [testMessage(testEvent('a', 1_000)), testMessage(testEvent('b', 2_000))];
        processor.processBatch(batch); // not sampled
        processor.processBatch([
          testMessage(testEvent('c', 1_500)),
          testMessage(testEvent('d', 2_500)),
        ]); // sampled
        expect(asked).toEqual([
          'process events',
          'process events',
          'processor.process_event',
          'processor.process_event',
        ]);
        const spans = exporter.getFinishedSpans();
        expect(spans.map((s) => s.name).sort()).toEqual([
          'process events',
          'processor.process_event',
          'processor.process_event',
        ]);
        const [batchSpan] = spans.filter((s) => s.name === 'process events');
        for (const event of spans.filter((s) => s.name === 'processor.process_event')) {
          expect(event.parentSpanContext?.spanId).toBe(batchSpan?.spanContext().spanId);
          expect(event.attributes).toMatchObject({ 'messaging.message.id': expect.any(String) });
        }
        expect(processor.stats).toMatchObject({ received: 4, processed: 4 });
      } finally {
        void provider.shutdown();
        context.disable();
        trace.disable();
      }
    });

    it('should drop redeliveries of an event already processed', () => {
      const { recorder, processor } = setup();
      processor.processBatch([testMessage(testEvent('a', 1_000))]);
      processor.processBatch([
        testMessage(testEvent('a', 1_000)),
        testMessage(testEvent('a', 1_000)),
      ]);
      expect(processor.stats).toMatchObject({ received: 3, processed: 1, duplicates: 2 });
      expect(recorder.total(METRIC_NAMES.DEDUPLICATION_COUNT)).toBe(2);
    });

    it('should count late events, keep those within the lateness and drop the others', () => {
      const { recorder, processor } = setup();
      processor.processBatch([testMessage(testEvent('a', 21_500))]); // watermark 20 500
      processor.processBatch([
        testMessage(testEvent('late-kept', 15_000)), // window [10 000, 20 000) open until 21 000
        testMessage(testEvent('too-late', 5_000)), // window [0, 10 000) closed at 11 000
      ]);
      expect(processor.stats).toMatchObject({ processed: 2, late: 2, droppedLate: 1 });
      expect(recorder.total(METRIC_NAMES.EVENTS_LATE)).toBe(2);
      expect(recorder.total(METRIC_NAMES.EVENTS_DROPPED, { 'error.type': 'late_event' })).toBe(1);
    });

    it('should record a poison message as dropped and go on with the batch', () => {
      const { recorder, lines, processor } = setup();
      processor.processBatch([testMessage('{"id":'), testMessage(testEvent('a', 1_000))]);
      expect(processor.stats).toMatchObject({ received: 2, processed: 1, droppedPoison: 1 });
      expect(recorder.total(METRIC_NAMES.EVENTS_DROPPED, { 'error.type': 'poison_message' })).toBe(
        1,
      );
      expect(
        recorder.total(METRIC_NAMES.EVENTS_RECEIVED, { 'processor.event.type': 'unknown' }),
      ).toBe(1);
      expect(lines.some((l) => l.includes('WARN  poison message dropped'))).toBe(true);
    });

    it('should ignore an empty poll', () => {
      const { recorder, processor } = setup();
      processor.processBatch([]);
      expect(processor.stats.batches).toBe(0);
      expect(recorder.recordings).toEqual([]);
    });
  });

  describe('flush', () => {
    it('should emit every open window', () => {
      const { sink, recorder, processor } = setup();
      processor.processBatch([
        testMessage(testEvent('a', 1_000)),
        testMessage(testEvent('b', 1_000, { type: 'click' })),
      ]);
      processor.flush();
      expect(sink.results.map((r) => r.windowId)).toEqual(['order@0', 'click@0']);
      expect(processor.activeWindows).toBe(0);
      expect(recorder.total(METRIC_NAMES.WINDOWS_ACTIVE)).toBe(0);
    });
  });
});
