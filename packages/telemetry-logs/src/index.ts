/**
 * The logs signal of the @proc/telemetry packages: a logger provider from the `logs` config
 * section, exporting over OTLP through the shared transport and delivery queue.
 * @packageDocumentation
 */
export type { TimeoutOptions } from '@proc/telemetry-lifecycle';
export { initLoggerProvider, shutdownLoggerProvider } from './logger-provider.js';
export type { InitLoggerProviderOptions, LogExportCounts, LogsHandle } from './types.js';
