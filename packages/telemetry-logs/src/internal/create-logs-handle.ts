import type { LoggerProvider } from '@opentelemetry/sdk-logs';
import { createSignalLifecycle } from '@proc/telemetry-lifecycle';
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

/** Wraps a provider in the shared signal lifecycle: bounded, never-rejecting, idempotent. */
export function createLogsHandle(
  provider: LoggerProvider,
  pipelines: readonly BatchingLogRecordProcessor[],
  options: { shutdownSummary?: boolean } = {},
): LogsHandle {
  const lifecycle = createSignalLifecycle({
    logger,
    signal: 'logs',
    items: 'log records',
    processorName: 'log record processor',
    timeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flush: (timeoutMillis) => provider.forceFlush({ timeoutMillis }),
    shutdown: () => provider.shutdown(),
    pipelines,
    describeCounts,
    advice: 'size the queue (logs.batch.maxQueueSize) for the load',
    shutdownSummary: options.shutdownSummary !== false,
  });

  return {
    provider,
    getLogger: (name, version, options) => provider.getLogger(name, version, options),
    exportCounts: () => pipelines[0]?.counts(),
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown: (options) => lifecycle.shutdown(options),
  };
}
