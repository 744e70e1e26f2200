import type { Meter, Tracer } from '@opentelemetry/api';
import type { Logger } from '@opentelemetry/api-logs';
import type { Resource } from '@opentelemetry/resources';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { IdGenerator, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TelemetryConfig, TelemetryConfigOptions } from '@proc/telemetry-config';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
import type { LogExportCounts } from '@proc/telemetry-logs';
import type { MetricExportCounts, MetricViewOptions } from '@proc/telemetry-metrics';
import type { ProcessorOptions } from '@proc/telemetry-resource';
import type { SpanExportCounts } from '@proc/telemetry-tracing';

/**
 * Options of `initTelemetry()`. Everything that can come from a config file or an `OTEL_*`
 * variable goes in `config` (see `@proc/telemetry-config`); the rest is code-only.
 */
export interface InitTelemetryOptions {
  /**
   * Configuration set in code: the highest precedence, over `OTEL_*` variables, over the config
   * file, over the defaults. Default: none (env, file and defaults apply).
   */
  config?: TelemetryConfigOptions;
  /**
   * Path of a YAML or JSON config file. Default: the `PROC_TELEMETRY_CONFIG_FILE` environment
   * variable; no file when neither is set.
   */
  file?: string;
  /**
   * Where `OTEL_*` variables (and `${NAME}` references in the file) are read from.
   * Default `process.env`.
   */
  env?: Record<string, string | undefined>;
  /**
   * The identity of this stream-processor worker, set as `processor.*` resource attributes
   * (`processor.name`, `processor.pipeline.id`, ...) with code precedence. Default: none, the
   * resource holds the service and detected attributes only.
   */
  processor?: ProcessorOptions;
  /** Metric views (buckets, attribute keys, cardinality, renames, drops). Default: none. */
  views?: MetricViewOptions[];
  /**
   * Extra span processors, called after the exporting batch processor (and after the one that
   * puts exemplar times on their span's clock, which `initTelemetry()` adds), flushed and shut down
   * with the provider (e.g. `createBaggageSpanProcessor()` from `@proc/telemetry-context`).
   * Default `[]`.
   */
  spanProcessors?: SpanProcessor[];
  /**
   * Makes the trace and span ids, e.g. AWS X-Ray's generator (whose trace ids start with the
   * time). Default: random ids from `crypto.randomFillSync`, hex-encoded in bulk.
   */
  idGenerator?: IdGenerator;
  /**
   * Extra log record processors, called after the exporting one, flushed and shut down with the
   * logger provider. Given, the logs pipeline is built at start-up instead of on the first logger
   * asked for. Default `[]`.
   */
  logRecordProcessors?: LogRecordProcessor[];
  /**
   * Shut telemetry down when the process receives one of these signals: `true` means
   * `['SIGTERM', 'SIGINT']`. On the signal the handler flushes and stops traces and metrics
   * within `shutdownTimeoutMillis`, then, if no other listener handles that signal, raises it
   * again so the process ends as it would have without telemetry (killed by the signal: exit
   * status 143 for SIGTERM, 130 for SIGINT). A second signal during the flush ends the process
   * at once. Ignored when the SDK is disabled (`OTEL_SDK_DISABLED=true`): there is nothing to
   * flush. Default `false`: a library does not take over the process's signals unless asked.
   * An unknown or uncatchable signal (`SIGKILL`, `SIGSTOP`) rejects with a `TypeError`.
   */
  shutdownOnSignals?: boolean | readonly NodeJS.Signals[];
  /**
   * Deadline in milliseconds of a signal-triggered shutdown and of `shutdown()` called without
   * `timeoutMillis`. Keep it below the container's stop grace period (10 s for `docker stop`,
   * 30 s on Kubernetes). Default 5000.
   */
  shutdownTimeoutMillis?: number;
}

/** Export counts per signal; see `TelemetryProviders.exportCounts()`. */
export interface TelemetryExportCounts {
  /** Sampled spans. */
  traces?: SpanExportCounts;
  /** Metric data points, over every collection exported. */
  metrics?: MetricExportCounts;
  /** Log records. */
  logs?: LogExportCounts;
}

/**
 * What `TelemetryProviders.shutdown()` resolves with: one `ShutdownReport` per exporting signal
 * (exported, failed, dropped by reason, still open, whether its deadline was hit); a signal that
 * exports nothing (disabled, `none`, Prometheus) is absent.
 */
export interface TelemetryShutdownReport {
  /** Sampled spans. */
  traces?: ShutdownReport;
  /** Metric data points, over every collection exported. */
  metrics?: ShutdownReport;
  /** Log records. */
  logs?: ShutdownReport;
  /** Whether the deadline passed before every signal finished. */
  deadlineHit: boolean;
  /** True when nothing was lost by any signal and the deadline was met. */
  complete: boolean;
}

/**
 * What `initTelemetry()` returns: the configuration, the resource and the providers behind the
 * registered globals. With `OTEL_SDK_DISABLED=true` it has the same shape, backed by no-ops.
 */
export interface TelemetryProviders {
  /** The resolved configuration (prints with secrets redacted). */
  readonly config: TelemetryConfig;
  /** The resource attached to every span, metric and log record. */
  readonly resource: Resource;
  /**
   * A tracer of the telemetry's own provider (it works even where another SDK owns the global
   * tracer provider). Default name: `config.service.name`.
   */
  tracer(name?: string, version?: string): Tracer;
  /** A meter of the telemetry's own provider. Default name: `config.service.name`. */
  meter(name?: string, version?: string): Meter;
  /**
   * A logger of the telemetry's own provider: its records carry the active span's trace id, span
   * id and flags and are exported with the `logs` section. Default name: `config.service.name`.
   */
  logger(name?: string, version?: string): Logger;
  /**
   * Changes the sampling ratio of new root spans while the app runs (children of a sampled
   * remote parent still follow it under the `parentbased_*` samplers).
   * @throws RangeError when `ratio` is not a number from 0 to 1.
   */
  setSamplingRatio(ratio: number): void;
  /**
   * Exports every ended span, the current metrics and every log record emitted now, the signals
   * in parallel within one deadline (`timeoutMillis`, default 30000). Never rejects.
   */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /**
   * What each exporting signal has delivered, dropped, failed and still holds, counted without
   * retaining data; a signal that exports nothing (disabled, `none`, Prometheus) is absent.
   */
  exportCounts(): TelemetryExportCounts;
  /**
   * Flushes and stops traces, metrics and logs in parallel within one deadline (`timeoutMillis`,
   * default `shutdownTimeoutMillis`, 5000), then unregisters the
   * globals this instance registered, so `initTelemetry()` may be called again. Never rejects
   * and resolves by the deadline even when the collector is down, with a report per signal of
   * what was exported and lost (`TelemetryShutdownReport`), which it also logs as one line: info
   * when nothing was lost, a warning otherwise. Spans still open are not exported: end them
   * first. A second call warns and returns the first call's promise.
   */
  shutdown(options?: TimeoutOptions): Promise<TelemetryShutdownReport>;
}
