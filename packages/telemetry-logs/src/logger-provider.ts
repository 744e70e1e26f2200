import type { Resource } from '@opentelemetry/resources';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { type LogsConfig, validateLogsConfig } from '@proc/telemetry-config';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
import { createLogPipelines } from './internal/create-log-pipeline.js';
import { createLogsHandle } from './internal/create-logs-handle.js';
import { sdkLogs } from './internal/sdk-logs-module.js';
import { toLogRecordLimits } from './internal/to-log-record-limits.js';
import type { InitLoggerProviderOptions, LogsHandle } from './types.js';

/**
 * Builds a logger provider from the `logs` section of the config: record limits and each
 * exporter listed (`otlp` over `grpc`, `http/protobuf` or `http/json`, through
 * `@proc/telemetry-otlp` with the section's TLS, headers, compression and timeout; `console`)
 * behind its own batching processor with `logsConfig.batch` (`OTEL_BLRP_*`). The handle's counts
 * and shutdown report are the OTLP exporter's when it is listed, else the first one's. With `enabled: false` or exporter `none`
 * there is no exporting processor: loggers work, their records go nowhere.
 *
 * Registers nothing globally. Export failures never throw into the app: they are counted
 * (`handle.exportCounts()`) and reported through the OpenTelemetry diag logger.
 *
 * @param resource Attached to every record. Default: the SDK's default resource.
 * @throws TelemetryConfigError (from `@proc/telemetry-config`, `validateLogsConfig`) listing
 *   every invalid field of `logsConfig` with its path and the accepted values, including TLS
 *   files that cannot be read, a client key without its certificate and headers gRPC cannot
 *   send. A section from `loadConfig()` has none of those.
 *
 * @example
 * const logging = initLoggerProvider(config.logs, resource);
 * logging.getLogger('orders').emit({ severityNumber: SeverityNumber.INFO, body: 'started' });
 * await shutdownLoggerProvider(logging, { timeoutMillis: 5000 });
 */
export function initLoggerProvider(
  logsConfig: LogsConfig,
  resource?: Resource,
  options: InitLoggerProviderOptions = {},
): LogsHandle {
  validateLogsConfig(logsConfig);
  const pipelines = createLogPipelines(logsConfig, options.exporter, options.meterProvider);
  const processors: LogRecordProcessor[] = [...pipelines, ...(options.logRecordProcessors ?? [])];
  const provider = new (sdkLogs().LoggerProvider)({
    logRecordLimits: toLogRecordLimits(logsConfig.limits),
    processors,
    ...(resource ? { resource } : {}),
  });
  return createLogsHandle(provider, pipelines, {
    shutdownSummary: options.shutdownSummary ?? true,
  });
}

/**
 * Flushes every record emitted so far and stops the provider, waiting at most `timeoutMillis`
 * (default 30000; a value that is not a finite number > 0 warns and uses the default). Always
 * resolves, and always logs one line with the record counts (emitted, exported, still queued,
 * dropped, failed, unencodable), also when the deadline cut it short; `handle.exportCounts()` has
 * the same numbers, and resolves with them as a `ShutdownReport` (`undefined` when nothing is
 * exported). A second call warns and returns the first call's promise. Records emitted once
 * `shutdown()` has started are not exported (the SDK's loggers stop at once).
 */
export function shutdownLoggerProvider(
  handle: LogsHandle,
  options?: TimeoutOptions,
): Promise<ShutdownReport | undefined> {
  return handle.shutdown(options);
}
