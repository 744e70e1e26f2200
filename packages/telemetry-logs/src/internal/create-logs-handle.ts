import type { LoggerProvider } from '@opentelemetry/sdk-logs';
import { createLifecycle, type ShutdownReport, shutdownReport } from '@proc/telemetry-lifecycle';
import type { LogExportCounts, LogsHandle } from '../types.js';
import type { BatchingLogRecordProcessor } from './batching-log-record-processor.js';
import { logger } from './diag.js';

/** Default bound of `forceFlush()` and `shutdown()`, as the SDK's forceFlush default. */
const DEFAULT_TIMEOUT_MILLIS = 30_000;

/** One line with every count, so a lost record is never silent. */
function describeCounts(counts: LogExportCounts): string {
  return (
    `${counts.emitted} emitted, ${counts.exported} exported, ${counts.queued} still queued, ` +
    `${counts.dropped} dropped (queue full), ${counts.failed} failed, ${counts.invalid} unencodable`
  );
}

/** Reports what a shutdown delivered: info when everything arrived, a warning otherwise. */
function reportShutdown(counts: LogExportCounts, timedOut: boolean, timeoutMillis: number) {
  const lost = counts.queued + counts.dropped + counts.failed + counts.invalid;
  const summary = `shutdown: log records ${describeCounts(counts)}`;
  if (timedOut) {
    logger.warn(`${summary}; not finished within ${timeoutMillis} ms, the queued records are lost`);
  } else if (lost > 0) {
    logger.warn(`${summary}; size the queue (logs.batch.maxQueueSize) for the load`);
  } else {
    logger.info(summary);
  }
}

/** Wraps a provider in the shared lifecycle: bounded, never-rejecting, idempotent. */
export function createLogsHandle(
  provider: LoggerProvider,
  pipelines: readonly BatchingLogRecordProcessor[],
  options: { shutdownSummary?: boolean } = {},
): LogsHandle {
  // One per exporter; the first one's counts are reported (the OTLP one when listed).
  const pipeline = pipelines[0];
  const lifecycle = createLifecycle<ShutdownReport | undefined>({
    logger,
    shutdownTimeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flushTimeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flush: (timeoutMillis) => provider.forceFlush({ timeoutMillis }),
    shutdown: () => provider.shutdown(),
    afterFlush(outcome, timeoutMillis) {
      if (outcome.status === 'failed') logger.error('forceFlush: export failed', outcome.error);
      if (outcome.status === 'timeout') {
        const counts = pipeline?.counts();
        logger.warn(
          `forceFlush: not finished within ${timeoutMillis} ms${counts ? `; log records ${describeCounts(counts)}` : ''}`,
        );
      }
    },
    afterShutdown(outcome, timeoutMillis) {
      if (outcome.status === 'failed') {
        logger.error('shutdown: a log record processor failed', outcome.error);
      }
      if (!pipeline) return undefined;
      // Counted before giving up, so the queued records are reported as queued, not as failed.
      const counts = pipeline.counts();
      const timedOut = outcome.status === 'timeout';
      if (timedOut) for (const each of pipelines) each.abandon();
      if (options.shutdownSummary !== false) reportShutdown(counts, timedOut, timeoutMillis);
      return shutdownReport('logs', 'log records', counts, timedOut);
    },
  });

  return {
    provider,
    getLogger: (name, version, options) => provider.getLogger(name, version, options),
    exportCounts: () => pipeline?.counts(),
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown: (options) => lifecycle.shutdown(options),
  };
}
