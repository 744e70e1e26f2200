/**
 * The logs signal of the @proc/telemetry packages: a logger provider from the `logs` config
 * section, exporting over OTLP through the shared transport and delivery queue.
 * @packageDocumentation
 */
// The severities `Logger.emit()` takes, so an app needs no second import for them.
export { SeverityNumber } from '@opentelemetry/api-logs';
export type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
export { initLoggerProvider, shutdownLoggerProvider } from './logger-provider.js';
export type { InitLoggerProviderOptions, LogExportCounts, LogsHandle } from './types.js';
