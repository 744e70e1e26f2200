import type { LogRecordProcessor, ReadableLogRecord, SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { LogBatchConfig } from '@proc/telemetry-config';
import {
  createExportBatcher,
  type SignalBatchingProcessor,
  type SignalExport,
} from '@proc/telemetry-otlp';
import type { LogExportCounts } from '../types.js';

/** The export path the processor hands finished batches to, and the batch settings. */
export interface BatchingLogRecordProcessorParts<T> extends SignalExport<ReadableLogRecord, T> {
  batch: LogBatchConfig;
}

/** The log record processor plus what the logs handle needs to report on it. */
export interface BatchingLogRecordProcessor
  extends LogRecordProcessor,
    SignalBatchingProcessor<LogExportCounts> {}

/**
 * The batch log record processor of this package: the shared export batcher of
 * `@proc/telemetry-otlp` (`createExportBatcher()`) with `logs.batch` (`OTEL_BLRP_*`). Unlike the
 * SDK's BatchLogRecordProcessor it queues encoded batches in the bounded delivery queue (one
 * export in flight by default, retries in their slot, backoff while the collector is down), drops
 * only the record that cannot be encoded rather than its batch, and counts every record.
 *
 * The SDK's loggers stop emitting as soon as the provider's `shutdown()` starts, so every record
 * that reached `onEmit()` is exported by the flush of `shutdown()`.
 */
export function createBatchingLogRecordProcessor<T>(
  parts: BatchingLogRecordProcessorParts<T>,
): BatchingLogRecordProcessor {
  const batcher = createExportBatcher<ReadableLogRecord, T>({
    maxExportBatchSize: parts.batch.maxExportBatchSize,
    scheduledDelayMillis: parts.batch.scheduledDelayMillis,
    queue: parts.queue,
    encode: parts.encode,
    closeExporter: parts.closeExporter,
  });

  return {
    onEmit(record: SdkLogRecord) {
      // Held until its batch is encoded: the SDK makes the record read-only once onEmit returns.
      if (!batcher.closed) batcher.add(record);
    },
    forceFlush: () => batcher.flush(),
    shutdown: () => batcher.shutdown(),
    abandon: () => batcher.abandon(),
    selfMetricsCounts() {
      // The batch being filled is part of the processor's queue too.
      const { queued, invalid } = batcher.stats();
      return { stats: { ...parts.queue.stats(), queued }, invalid };
    },
    counts() {
      const stats = batcher.stats();
      return {
        emitted: stats.added,
        exported: stats.exported,
        failed: stats.failed,
        dropped: stats.dropped,
        invalid: stats.invalid,
        queued: stats.queued,
        queuedBytes: stats.queuedBytes,
        peakQueuedBytes: stats.peakQueuedBytes,
        exportsInFlight: stats.exportsInFlight,
        peakExportsInFlight: stats.peakExportsInFlight,
      };
    },
  };
}
