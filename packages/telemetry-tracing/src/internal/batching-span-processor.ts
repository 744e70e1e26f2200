import type { Context } from '@opentelemetry/api';
import { TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BatchConfig } from '@proc/telemetry-config';
import type { DeliveryQueue, ExportSelfMetricsCounts } from '@proc/telemetry-otlp';
import type { SpanExportCounts } from '../types.js';
import type { EncodedBatch } from './encode-spans.js';

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
 * Batches ended, sampled spans and queues each full batch encoded: a span is held as an object
 * only until its batch fills (`maxExportBatchSize`) or `scheduledDelayMillis` passes, then as
 * bytes in the delivery queue, which bounds what is held (`maxQueueSize` spans) and what is in
 * flight. Unlike the SDK's BatchSpanProcessor it never starts an export beside one that is still
 * retrying, and it counts every span: exported, failed, dropped, unencodable, still queued, and
 * ended after shutdown.
 *
 * Spans that end while `shutdown()` flushes are exported too; only those ending after the flush
 * has finished are counted as `endedAfterShutdown` and dropped.
 */
export function createBatchingSpanProcessor<T>(
  parts: BatchingSpanProcessorParts<T>,
): BatchingSpanProcessor {
  const { batch, queue } = parts;
  let buffer: ReadableSpan[] = [];
  let timer: NodeJS.Timeout | undefined;
  let open = 0;
  let ended = 0;
  let invalid = 0;
  let endedAfterShutdown = 0;
  let closed = false;
  let shutdownPromise: Promise<void> | undefined;
  let exporterClosed: Promise<void> | undefined;

  const drain = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (buffer.length === 0) return;
    const spans = buffer;
    buffer = [];
    // While the collector is down the queue stays full: do not spend CPU encoding what it refuses.
    if (!queue.hasRoomFor(spans.length)) {
      queue.drop(spans.length);
      return;
    }
    const encoded = parts.encode(spans);
    invalid += encoded.invalid;
    if (encoded.items > 0) queue.enqueue(encoded.payload, encoded.items);
  };

  const closeExporter = () => {
    exporterClosed ??= parts.closeExporter();
    return exporterClosed;
  };

  /** Flushes until no span ended meanwhile: spans ending during a flush are exported as well. */
  const flushAll = async () => {
    do {
      drain();
      await queue.flush();
    } while (buffer.length > 0);
  };

  return {
    onStart(span: Span, _parentContext: Context) {
      if (!closed && isSampled(span)) open++;
    },
    onEnd(span: ReadableSpan) {
      if (!isSampled(span)) return;
      if (closed) {
        if (open > 0) open--;
        endedAfterShutdown++;
        return;
      }
      open--;
      ended++;
      buffer.push(span);
      if (buffer.length >= batch.maxExportBatchSize) {
        drain();
      } else if (timer === undefined) {
        timer = setTimeout(drain, batch.scheduledDelayMillis);
        timer.unref();
      }
    },
    forceFlush: () => (closed ? Promise.resolve() : flushAll()),
    shutdown() {
      shutdownPromise ??= flushAll().then(() => {
        closed = true;
        return closeExporter();
      });
      return shutdownPromise;
    },
    abandon() {
      closed = true;
      drain();
      queue.close();
      closeExporter().catch(() => undefined);
    },
    selfMetricsCounts() {
      const stats = queue.stats();
      // The batch being filled is part of the processor's queue too.
      return {
        stats: { ...stats, queued: stats.queued + buffer.length },
        alreadyShutdown: endedAfterShutdown,
        invalid,
      };
    },
    counts() {
      const stats = queue.stats();
      return {
        ended,
        exported: stats.delivered,
        failed: stats.failed,
        dropped: stats.dropped,
        invalid,
        queued: stats.queued + buffer.length,
        open: Math.max(0, open),
        endedAfterShutdown,
        exportsInFlight: stats.inFlight,
        peakExportsInFlight: stats.peakInFlight,
      };
    },
  };
}
