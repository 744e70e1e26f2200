import type { Logger, LoggerOptions } from '@opentelemetry/api-logs';
import type {
  LoggerProvider,
  LogRecordExporter,
  LogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import type { TimeoutOptions } from '@proc/telemetry-lifecycle';

/**
 * Code-only additions to `initLoggerProvider()`. Everything that can come from a config file or
 * an `OTEL_*` variable lives in `LogsConfig` (`@proc/telemetry-config`) instead.
 */
export interface InitLoggerProviderOptions {
  /**
   * Replaces the exporter named by `logsConfig.exporter` (including `none`), still behind the
   * batching processor with `logsConfig.batch`. Ignored when `logsConfig.enabled` is false.
   * Default: the exporter built from `logsConfig`.
   */
  exporter?: LogRecordExporter;
  /**
   * Extra processors, called after the exporting one, also when `logsConfig.enabled` is false.
   * They are flushed and shut down with the provider. Default `[]`.
   */
  logRecordProcessors?: LogRecordProcessor[];
}

/**
 * A live logger provider built from `LogsConfig`. Not registered globally: pass
 * `handle.provider` to `logs.setGlobalLoggerProvider()` of `@opentelemetry/api-logs` (the
 * `@proc/telemetry` umbrella does).
 */
export interface LogsHandle {
  /** The SDK provider, for registration or for instrumentations that take a provider. */
  readonly provider: LoggerProvider;
  /**
   * A logger from this provider (not from the global API). Its records carry the trace id, span
   * id and flags of the span active where `emit()` is called (or of `record.context`).
   */
  getLogger(name: string, version?: string, options?: LoggerOptions): Logger;
  /**
   * What happened to the log records so far, from the processor that exports them; `undefined`
   * when nothing is exported (`enabled: false`, exporter `none`).
   */
  exportCounts(): LogExportCounts | undefined;
  /** Exports every record emitted so far. Never rejects: failures are reported through `diag`. */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /**
   * Flushes and stops; see `shutdownLoggerProvider()`. Never rejects. A second call warns and
   * returns the first call's promise.
   */
  shutdown(options?: TimeoutOptions): Promise<void>;
}

/**
 * Log records on their way out, counted without retaining any. After a shutdown
 * `emitted = exported + failed + dropped + invalid + queued`.
 */
export interface LogExportCounts {
  /** Emitted and accepted for export. */
  emitted: number;
  /** Delivered to the collector. */
  exported: number;
  /** Given up: rejected by the collector, out of retries, or still queued at a deadline. */
  failed: number;
  /** Refused because the queue (`logs.batch.maxQueueSize`) was full. */
  dropped: number;
  /** Left out of their batch because they could not be encoded (the rest of the batch is sent). */
  invalid: number;
  /** Waiting to be delivered or in flight now. */
  queued: number;
  /** Exports in flight now. */
  exportsInFlight: number;
  /** Most exports ever in flight at once (at most `logs.export.maxConcurrentExports`). */
  peakExportsInFlight: number;
}
