import type { MeterProvider } from '@opentelemetry/api';
import {
  createNoopLogger,
  type Logger,
  type LoggerOptions,
  type LoggerProvider,
} from '@opentelemetry/api-logs';
import type { Resource } from '@opentelemetry/resources';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { LogsConfig } from '@proc/telemetry-config';
import {
  type ShutdownReport,
  shutdownReport,
  type TimeoutOptions,
} from '@proc/telemetry-lifecycle';
import { initLoggerProvider, type LogExportCounts, type LogsHandle } from '@proc/telemetry-logs';
import { signalExporters } from '@proc/telemetry-otlp';
import { logger } from './logger.js';

/** What `initTelemetry()` uses of the logs signal: a `LogsHandle` whose provider is the API's. */
export interface LiveLogs extends Omit<LogsHandle, 'provider'> {
  /** Registered as the global logger provider and handed to the instrumentations. */
  readonly provider: LoggerProvider;
}

/** What `createLazyLogs()` builds the logs pipeline from, as `initLoggerProvider()` takes it. */
export interface LazyLogsOptions {
  config: LogsConfig;
  resource: Resource;
  logRecordProcessors: LogRecordProcessor[];
  /** Receives the logs export path's self-telemetry; none when `selfTelemetry` is off. */
  meterProvider?: MeterProvider;
}

/** The counts of an exporting pipeline nothing was emitted to. */
const NOTHING_EMITTED: LogExportCounts = {
  emitted: 0,
  exported: 0,
  failed: 0,
  dropped: 0,
  invalid: 0,
  queued: 0,
  queuedBytes: 0,
  peakQueuedBytes: 0,
  exportsInFlight: 0,
  peakExportsInFlight: 0,
};

/**
 * The logs signal, built on the first logger asked for (`telemetry.logger()`, the global
 * `logs.getLogger()`, an instrumentation's): most stream processors log through their own
 * logger and never ask, and building the pipeline loads `@opentelemetry/sdk-logs`, makes its
 * exporter, queue and self-telemetry. Until then, and if it is never built, it reports what an
 * exporting pipeline with nothing emitted reports (zero counts, a complete shutdown report), so
 * `exportCounts()` and the shutdown line do not change. `config` has been validated already, so
 * a bad logs section still fails start-up. With `logRecordProcessors` it is built at once: those
 * processors are the app's, and it expects them started and shut down with the provider.
 */
export function createLazyLogs(options: LazyLogsOptions): LiveLogs {
  const exports = signalExporters(options.config).length > 0;
  let built: LogsHandle | undefined;
  let stopped = false;
  const build = (): LogsHandle | undefined => {
    if (built !== undefined || stopped) return built;
    try {
      built = initLoggerProvider(options.config, options.resource, {
        logRecordProcessors: options.logRecordProcessors,
        shutdownSummary: false,
        ...(options.meterProvider ? { meterProvider: options.meterProvider } : {}),
      });
    } catch (error) {
      // Only what changed on disk since start-up (a TLS file removed) fails here: never into
      // the app's logging call.
      stopped = true;
      logger.error('logs: building the logger provider failed; log records are dropped', error);
    }
    return built;
  };
  if (options.logRecordProcessors.length > 0) build();

  const getLogger = (name: string, version?: string, loggerOptions?: LoggerOptions): Logger =>
    build()?.getLogger(name, version, loggerOptions) ?? createNoopLogger();

  return {
    provider: { getLogger },
    getLogger,
    exportCounts: () =>
      built !== undefined ? built.exportCounts() : exports ? { ...NOTHING_EMITTED } : undefined,
    forceFlush: async (flushOptions?: TimeoutOptions) => {
      await built?.forceFlush(flushOptions);
    },
    shutdown: async (shutdownOptions?: TimeoutOptions): Promise<ShutdownReport | undefined> => {
      stopped = true;
      if (built !== undefined) return built.shutdown(shutdownOptions);
      return exports ? shutdownReport('logs', 'log records', NOTHING_EMITTED, false) : undefined;
    },
  };
}
