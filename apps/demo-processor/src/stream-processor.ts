import { type Context, context, type Span, type Tracer, trace } from '@opentelemetry/api';
import { recordException, startBatchProcessSpan, withSpan } from '@proc/telemetry';
import {
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_WINDOW_END,
  ATTR_PROCESSOR_WINDOW_ID,
  ATTR_PROCESSOR_WINDOW_START,
  ATTR_PROCESSOR_WINDOW_TYPE,
  SPAN_PROCESS_EVENT,
  SPAN_WINDOW_EMIT,
} from '@proc/telemetry/semconv';
import { ERROR_LATE, ERROR_POISON, MESSAGING_SYSTEM, WINDOW_TYPE } from './conventions.js';
import { createDeduplicator } from './deduplicator.js';
import type { Logger } from './logger.js';
import { parseEvent } from './parse-event.js';
import type { ProcessorMetrics } from './processor-metrics.js';
import { createTumblingWindows, type TumblingWindowsOptions } from './tumbling-windows.js';
import type { ProcessorStats, QueueMessage, ResultSink, WindowResult } from './types.js';

/** The scope of the processor's spans when no tracer is given. */
const DEFAULT_TRACER_NAME = '@proc/demo-processor';

/** Runs `write` (a log call) with `span` active, so the line carries its trace and span ids. */
function logInSpan(parent: Context, span: Span, write: () => void): void {
  context.with(trace.setSpan(parent, span), write);
}

/** Options of {@link createStreamProcessor}. */
export interface StreamProcessorOptions {
  topic: string;
  metrics: ProcessorMetrics;
  sink: ResultSink;
  logger: Logger;
  windows: TumblingWindowsOptions;
  /** Event ids remembered for deduplication. Default 10000. */
  dedupCapacity?: number;
  /** Default: the global tracer provider's `@proc/demo-processor` tracer. */
  tracer?: Tracer;
  now?: () => number;
  /**
   * Starts the span of one batch, given the options the in-process queue's span has. Default
   * `startBatchProcessSpan`; the Kafka worker adds `messaging.system` kafka, the consumer group
   * and the partition (src/kafka/kafka-batch-span.ts).
   */
  startBatchSpan?: typeof startBatchProcessSpan<QueueMessage>;
}

/** Consumes batches: dedup, tumbling windows, late and poison handling, results to the sink. */
export interface StreamProcessor {
  processBatch(messages: readonly QueueMessage[]): void;
  /** Fires every open window (at shutdown), under a span of its own. */
  flush(): void;
  readonly stats: Readonly<ProcessorStats>;
  readonly activeWindows: number;
}

/** Creates a stream processor. */
export function createStreamProcessor(options: StreamProcessorOptions): StreamProcessor {
  const { metrics, sink, logger } = options;
  const now = options.now ?? Date.now;
  const windows = createTumblingWindows(options.windows);
  const dedup = createDeduplicator({ capacity: options.dedupCapacity ?? 10_000 });
  const spanOptions = options.tracer ? { tracer: options.tracer } : {};
  const stats: ProcessorStats = {
    batches: 0,
    received: 0,
    processed: 0,
    duplicates: 0,
    late: 0,
    droppedLate: 0,
    droppedPoison: 0,
    windowsEmitted: 0,
  };
  // The per-event counters, added once per batch (in the batch's context, below).
  const tally = metrics.batchTally();

  // Started, not made active: nothing in here reads the active span but a log line, which makes
  // it active for itself (logInSpan). That saves a context switch per event, most of them
  // unsampled (docs/benchmarks.md, suite 6).
  // `unsampled`: the span of every event of a batch whose span does not record (see
  // processBatch), instead of one started per event.
  const processMessage = (
    tracer: Tracer,
    parent: Context,
    message: QueueMessage,
    unsampled: Span | undefined,
  ) => {
    // Its attributes are set once it is known to record (the processor's samplers do not read
    // them): an unsampled span, most of them at 10 %, would drop them after the SDK had copied
    // and checked them.
    // One setAttribute per key rather than setAttributes of an object with computed keys, which
    // the SDK walks into setAttribute anyway: the same attributes in the same order.
    const span = unsampled ?? tracer.startSpan(SPAN_PROCESS_EVENT, undefined, parent);
    const recording = span.isRecording();
    if (recording) {
      span.setAttribute(ATTR_MESSAGING_DESTINATION_PARTITION_ID, String(message.partition));
      span.setAttribute(ATTR_MESSAGING_KAFKA_OFFSET, message.offset);
    }
    try {
      stats.received++;
      let event: ReturnType<typeof parseEvent>;
      try {
        event = parseEvent(message.value);
      } catch (error) {
        // A poison message is recorded and skipped: it must not stop the partition.
        recordException(span, error);
        stats.droppedPoison++;
        tally.received('unknown');
        tally.dropped(ERROR_POISON, 'unknown');
        // The keys of the spans' and metrics' attributes, so a log line matches them.
        logInSpan(parent, span, () =>
          logger.warn('poison message dropped', {
            [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(message.partition),
            [ATTR_MESSAGING_KAFKA_OFFSET]: message.offset,
            error: (error as Error).message,
          }),
        );
        return;
      }
      // An unsampled span drops attributes anyway: not even the object is made for it.
      if (recording) {
        span.setAttribute(ATTR_MESSAGING_MESSAGE_ID, event.id);
        span.setAttribute(ATTR_PROCESSOR_EVENT_TYPE, event.type);
      }
      tally.received(event.type);
      if (!dedup.firstSeen(event.id)) {
        span.addEvent('duplicate dropped');
        stats.duplicates++;
        tally.duplicate(event.type);
        return;
      }
      const outcome = windows.add(event);
      if (recording) span.setAttribute(ATTR_PROCESSOR_WINDOW_ID, outcome.windowId);
      if (outcome.status === 'too-late') {
        span.addEvent('late event dropped', { [ATTR_PROCESSOR_WINDOW_ID]: outcome.windowId });
        stats.late++;
        stats.droppedLate++;
        tally.late(event.type);
        tally.dropped(ERROR_LATE, event.type);
        logInSpan(parent, span, () =>
          logger.info('late event dropped: window closed', {
            [ATTR_MESSAGING_MESSAGE_ID]: event.id,
            [ATTR_PROCESSOR_WINDOW_ID]: outcome.windowId,
          }),
        );
        return;
      }
      if (outcome.late) {
        span.addEvent('late event accepted');
        stats.late++;
        tally.late(event.type);
      }
      if (outcome.opened) metrics.windowOpened();
      stats.processed++;
      tally.processed(event.type);
    } catch (error) {
      // As withSpan: the span records what escaped, the caller sees it unchanged.
      recordException(span, error);
      throw error;
    } finally {
      span.end();
    }
  };

  const emit = (result: WindowResult) =>
    withSpan(
      SPAN_WINDOW_EMIT,
      () => {
        sink.emit(result);
        stats.windowsEmitted++;
        metrics.windowFired(result, Math.max(0, now() - result.endMillis) / 1000);
        logger.info('window emitted', {
          [ATTR_PROCESSOR_WINDOW_ID]: result.windowId,
          count: result.count,
          total: result.total,
          customers: result.customers,
          late: result.lateEvents,
        });
      },
      {
        ...spanOptions,
        attributes: {
          [ATTR_PROCESSOR_WINDOW_ID]: result.windowId,
          [ATTR_PROCESSOR_WINDOW_TYPE]: WINDOW_TYPE,
          [ATTR_PROCESSOR_WINDOW_START]: result.startMillis,
          [ATTR_PROCESSOR_WINDOW_END]: result.endMillis,
        },
      },
    );

  // Made once, not per batch: a sampled batch calls it for every message it links.
  const linkAttributes = (m: QueueMessage) => ({
    [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(m.partition),
    [ATTR_MESSAGING_KAFKA_OFFSET]: m.offset,
  });

  const recordWatermark = () => {
    const watermark = windows.watermarkMillis;
    if (watermark !== undefined) metrics.watermarkLag(Math.max(0, now() - watermark) / 1000);
  };

  return {
    processBatch(messages) {
      if (messages.length === 0) return;
      const started = performance.now();
      // One span for the batch, linked to every producer span (the messaging conventions'
      // batch pattern): a batch has many producers, so none of them is its parent.
      const startSpan = options.startBatchSpan ?? startBatchProcessSpan;
      // Looked up per batch, so a provider registered after creation is used.
      const tracer = options.tracer ?? trace.getTracer(DEFAULT_TRACER_NAME);
      const { span, context: batchContext } = startSpan(messages, {
        system: MESSAGING_SYSTEM,
        destination: options.topic,
        ...spanOptions,
        // The processor's samplers (ratio, parent-based) do not read links: an unsampled batch,
        // nine in ten at 10 %, then reads no message headers at all.
        linksAfterSampling: true,
        linkAttributes,
      });
      // An event's span is a child of the batch span, in its trace. Every sampler the processor
      // can be configured with (OTEL_TRACES_SAMPLER) drops a child of a span that does not
      // record: the parent-based ones by the parent's decision, `traceidratio` by the same trace
      // id, `always_off` always (and `always_on` records every batch). So the events of an
      // unsampled batch, nine in ten at 10 %, share one non-recording span with the batch's
      // context instead of asking the SDK for a span each (ids, sampler, context checks: the
      // largest per-event cost left, docs/benchmarks.md suite 6). A sampled batch's trace is
      // unchanged; `otel.sdk.span.started` no longer counts the events' dropped spans.
      const unsampled = span.isRecording() ? undefined : trace.wrapSpanContext(span.spanContext());
      try {
        context.with(batchContext, () => {
          for (const message of messages) processMessage(tracer, batchContext, message, unsampled);
          for (const result of windows.fire()) emit(result);
        });
      } finally {
        stats.batches++;
        // Inside the batch's context, so the duration and size carry the batch trace as their
        // exemplar: a slow batch on a dashboard links to its trace.
        const durationSeconds = (performance.now() - started) / 1000;
        context.with(batchContext, () => {
          tally.record();
          metrics.batch(messages.length, durationSeconds);
        });
        recordWatermark();
        span.end();
      }
    },
    flush() {
      withSpan(
        'processor.flush',
        () => {
          for (const result of windows.flushAll()) emit(result);
        },
        { ...spanOptions, root: true },
      );
    },
    get stats() {
      return stats;
    },
    get activeWindows() {
      return windows.activeWindows;
    },
  };
}
