import type { Context } from '@opentelemetry/api';
import { TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BatchConfig } from '@proc/telemetry-config';
import {
  createExportBatcher,
  type SignalBatchingProcessor,
  type SignalExport,
} from '@proc/telemetry-otlp';
import type { SpanExportCounts } from '../types.js';

/** The export path the processor hands finished batches to, and the batch settings. */
export interface BatchingSpanProcessorParts<T> extends SignalExport<ReadableSpan, T> {
  batch: BatchConfig;
}

/** The span processor plus what the tracing handle needs to report on it. */
export interface BatchingSpanProcessor
  extends SpanProcessor,
    SignalBatchingProcessor<SpanExportCounts> {}

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
