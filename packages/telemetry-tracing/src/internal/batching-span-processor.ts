import type { Context } from '@opentelemetry/api';
import { TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BatchConfig } from '@proc/telemetry-config';
import {
  createExportBatcher,
  type DeliveryQueue,
  type EncodedBatch,
  type ExportSelfMetricsCounts,
} from '@proc/telemetry-otlp';
import type { SpanExportCounts } from '../types.js';

/** What the processor hands finished batches to, and how it encodes them first. */
export interface BatchingSpanProcessorParts<T> {
  batch: BatchConfig;
  /** Bounded, retrying queue in front of the exporter. */
  queue: DeliveryQueue<T>;
  /** Turns ended spans into one queued payload, leaving out the spans that cannot be encoded. */
  encode(spans: ReadableSpan[]): EncodedBatch<T>;
  /** Closes the exporter once everything queued has settled or been given up. */
  closeExporter(): Promise<void>;
}

/** The span processor plus what the tracing handle needs to report on it. */
export interface BatchingSpanProcessor extends SpanProcessor {
  /** Gives up what is still queued (at a shutdown deadline) and closes the exporter. */
  abandon(): void;
  /** Counts since the processor was created. */
  counts(): SpanExportCounts;
  /** What the SDK's health metrics observe: the queue's counts, spans in the batch included. */
  selfMetricsCounts(): ExportSelfMetricsCounts;
}

const isSampled = (span: ReadableSpan | Span) =>
  (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;

/**
 * Batches ended, sampled spans through the shared export batcher of `@proc/telemetry-otlp`
 * (`createExportBatcher()`): held as objects until their batch fills (`maxExportBatchSize`) or
 * `scheduledDelayMillis` passes, then as bytes in the delivery queue, which bounds what is held
 * (by bytes over OTLP, `export.maxQueueBytes`; by count, `maxQueueSize`, for a span exporter given in code) and what is in flight. Unlike the SDK's BatchSpanProcessor it never
 * starts an export beside one that is still retrying, and it counts every span: exported, failed,
 * dropped, unencodable, still queued, still open, and ended after shutdown.
 *
 * Spans that end while `shutdown()` flushes are exported too; only those ending after the flush
 * has finished are counted as `endedAfterShutdown` and dropped.
 */
export function createBatchingSpanProcessor<T>(
  parts: BatchingSpanProcessorParts<T>,
): BatchingSpanProcessor {
  const batcher = createExportBatcher<ReadableSpan, T>({
    maxExportBatchSize: parts.batch.maxExportBatchSize,
    scheduledDelayMillis: parts.batch.scheduledDelayMillis,
    queue: parts.queue,
    encode: parts.encode,
    closeExporter: parts.closeExporter,
  });
  let open = 0;
  let endedAfterShutdown = 0;

  return {
    onStart(span: Span, _parentContext: Context) {
      if (!batcher.closed && isSampled(span)) open++;
    },
    onEnd(span: ReadableSpan) {
      if (!isSampled(span)) return;
      if (batcher.closed) {
        if (open > 0) open--;
        endedAfterShutdown++;
        return;
      }
      open--;
      batcher.add(span);
    },
    forceFlush: () => batcher.flush(),
    shutdown: () => batcher.shutdown(),
    abandon: () => batcher.abandon(),
    selfMetricsCounts() {
      // The batch being filled is part of the processor's queue too.
      const { queued, invalid } = batcher.stats();
      return {
        stats: { ...parts.queue.stats(), queued },
        alreadyShutdown: endedAfterShutdown,
        invalid,
      };
    },
    counts() {
      const stats = batcher.stats();
      return {
        ended: stats.added,
        exported: stats.exported,
        failed: stats.failed,
        dropped: stats.dropped,
        invalid: stats.invalid,
        queued: stats.queued,
        queuedBytes: stats.queuedBytes,
        peakQueuedBytes: stats.peakQueuedBytes,
        open: Math.max(0, open),
        endedAfterShutdown,
        exportsInFlight: stats.exportsInFlight,
        peakExportsInFlight: stats.peakExportsInFlight,
      };
    },
  };
}
