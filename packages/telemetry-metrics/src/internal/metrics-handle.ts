import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { MetricExportCounts, MetricsHandle, MetricsTimeoutOptions } from '../types.js';
import { logger } from './diag.js';
import type { ConfiguredReader } from './metric-reader.js';
import { withDeadline } from './with-deadline.js';

/**
 * The deadline `options` ask for, or `fallback`. A value that is not a finite number > 0 is
 * reported with a diag warning naming the option and replaced by `fallback`: flush and shutdown
 * never reject, and a NaN or negative deadline would abandon the export at once.
 */
function timeoutOf(
  options: MetricsTimeoutOptions,
  fallback: number,
  method: 'forceFlush()' | 'shutdown()',
): number {
  const value: unknown = options.timeoutMillis;
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  logger.warn(
    `${method}: timeoutMillis must be a finite number > 0, got ${String(value)}; using ${fallback}`,
  );
  return fallback;
}

/** One line with every count, so lost data points are never silent. */
function reportShutdown(counts: MetricExportCounts, finished: boolean, timeoutMillis: number) {
  const summary =
    `shutdown: metric data points ${counts.exported} exported, ${counts.queued} still queued, ` +
    `${counts.dropped} dropped (queue full), ${counts.failed} failed`;
  if (!finished) {
    logger.warn(`${summary}; not finished within ${timeoutMillis} ms, the queued points are lost`);
  } else if (counts.queued + counts.dropped + counts.failed > 0) {
    logger.warn(summary);
  } else {
    logger.info(summary);
  }
}

/**
 * Wraps `provider` in a handle whose flush and shutdown are bounded and never reject.
 * @param configured the configured reader: its push exporter is closed when shutdown fails or
 *   times out, and its export counts are reported at shutdown.
 */
export function createMetricsHandle(
  provider: MeterProvider,
  defaultTimeoutMillis: number,
  configured?: Pick<ConfiguredReader, 'exporter' | 'exportCounts'>,
): MetricsHandle {
  const exporter = configured?.exporter;
  const exportCounts = configured?.exportCounts;
  let shutdownPromise: Promise<void> | undefined;

  const shutdownWithin = async (timeoutMillis: number): Promise<void> => {
    // MeterProvider.shutdown() makes every reader collect and export once more before stopping.
    const finished = await withDeadline(
      provider.shutdown({ timeoutMillis }),
      timeoutMillis,
      'shutdown()',
    );
    // The periodic reader skips exporter.shutdown() when its last export fails, and an abandoned
    // export goes on: close the exporter anyway, so waiting gRPC retries end and its
    // connections close.
    // Counted before the exporter is closed, so what was still queued is reported as queued.
    const counts = exportCounts?.();
    if (!finished && exporter !== undefined) {
      Promise.resolve()
        .then(() => exporter.shutdown())
        .catch((error: unknown) => logger.debug('exporter shutdown failed', error));
    }
    if (counts) reportShutdown(counts, finished, timeoutMillis);
  };

  return {
    provider,
    getMeter: (name, version, options) => provider.getMeter(name, version, options),
    exportCounts: () => exportCounts?.(),
    async forceFlush(options = {}) {
      if (shutdownPromise !== undefined) {
        logger.warn('forceFlush() called after shutdown(); nothing to flush');
        return;
      }
      const timeoutMillis = timeoutOf(options, defaultTimeoutMillis, 'forceFlush()');
      await withDeadline(provider.forceFlush({ timeoutMillis }), timeoutMillis, 'forceFlush()');
    },
    shutdown(options = {}) {
      if (shutdownPromise !== undefined) {
        logger.warn('shutdown() was already called; ignoring this call');
        return shutdownPromise;
      }
      shutdownPromise = shutdownWithin(timeoutOf(options, defaultTimeoutMillis, 'shutdown()'));
      return shutdownPromise;
    },
  };
}
