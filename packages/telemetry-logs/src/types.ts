import type { MeterProvider } from '@opentelemetry/api';
import type { Logger, LoggerOptions } from '@opentelemetry/api-logs';
import type {
  LoggerProvider,
  LogRecordExporter,
  LogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';

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
  /**
   * Whether `shutdown()` logs its one summary line with the record counts (info when nothing was
   * lost, a warning otherwise). Default true; `@proc/telemetry` turns it off and logs one line
   * for every signal instead. The report `shutdown()` resolves with is there either way.
   */
  shutdownSummary?: boolean;
  /**
   * Where the SDK's health metrics of the OTLP export path go, named per the OpenTelemetry
   * semantic conventions for SDK metrics: `otel.sdk.processor.log.queue.size`, `.queue.capacity`,
   * `.processed` (`error.type` `queue_full`, `invalid`), `otel.sdk.exporter.log.inflight`,
   * `.exported` (`error.type` `rejected`, `retries_exhausted`, `timeout`, `shutdown`) and
   * `otel.sdk.exporter.operation.duration`. `@proc/telemetry` passes its meter provider unless
   * `selfTelemetry.enabled` is false. Default: none recorded.
   */
  meterProvider?: MeterProvider;
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
   * Flushes and stops; see `shutdownLoggerProvider()`. Resolves with what was exported and lost
   * (`ShutdownReport`; `undefined` when nothing is exported). Never rejects. A second call warns
   * and returns the first call's promise.
   */
  shutdown(options?: TimeoutOptions): Promise<ShutdownReport | undefined>;
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
  /**
   * Refused because the queue was full: over OTLP its bytes (`logs.export.maxQueueBytes`), with
   * a span or log exporter given in code or `console` its count (`logs.batch.maxQueueSize`).
   */
  dropped: number;
  /** Left out of their batch because they could not be encoded (the rest of the batch is sent). */
  invalid: number;
  /** Waiting to be delivered or in flight now. */
  queued: number;
  /** Bytes of the encoded batches waiting or in flight now (over OTLP; 0 otherwise). */
  queuedBytes: number;
  /** Most bytes ever held encoded at once: at most `logs.export.maxQueueBytes` plus the batches in flight. */
  peakQueuedBytes: number;
  /** Exports in flight now. */
  exportsInFlight: number;
  /** Most exports ever in flight at once (at most `logs.export.maxConcurrentExports`). */
  peakExportsInFlight: number;
}
